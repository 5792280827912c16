using SocialCommerce.Cluster;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Orders;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Commerce.Regions;

namespace SocialCommerce.Commerce;

/// <summary>
/// Keeps the lists that grains cannot query for themselves — all regions, a region's promoters and groups, a group's
/// orders — from the outbox. Each update is idempotent by id, so at-least-once delivery cannot double a list entry.
/// </summary>
public sealed class CommerceListsSubscriber(IGrainFactory grains) : IEventSubscriber
{
    public string Name => "commerce-lists";

    public Task HandleAsync(OutboxEvent domainEvent, CancellationToken cancellationToken)
    {
        switch (domainEvent.EventType)
        {
            case nameof(RegionDefined):
                var region = domainEvent.Read<RegionDefined>();
                return grains.Get<IRegionCatalogGrain>(IRegionCatalogGrain.Key).AddAsync(region.RegionId, cancellationToken);
            case nameof(PromoterRegistered):
                var promoter = domainEvent.Read<PromoterRegistered>();
                return grains.Get<IRegionGrain>(promoter.RegionId).AddPromoterAsync(promoter.PromoterId, cancellationToken);
            case nameof(GroupCreated):
                var group = domainEvent.Read<GroupCreated>();
                return grains.Get<IRegionGrain>(group.RegionId).AddGroupAsync(group.GroupId, cancellationToken);
            case nameof(OrderPlaced):
                var order = domainEvent.Read<OrderPlaced>();
                return order.GroupId is null
                    ? Task.CompletedTask
                    : grains.Get<IGroupGrain>(order.GroupId).RecordOrderAsync(order.OrderId, order.PlacedAt, cancellationToken);
            default:
                return Task.CompletedTask;
        }
    }
}
