using SocialCommerce.Cluster;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Promoters;

namespace SocialCommerce.Commerce.Orders;

/// <summary>
/// Places an order for an active promoter (and a group they run or belong to), copying in the promoter's upline
/// chain and region. Every check happens before the order grain writes.
/// </summary>
public sealed class OrderPlacement(IGrainFactory grains)
{
    public async Task<OrderView> PlaceAsync(PlaceOrder request, CancellationToken cancellationToken)
    {
        request.Validate().ThrowIfAny();
        var promoter = await grains.Get<IPromoterGrain>(request.PromoterId!).GetAsync(cancellationToken)
            ?? throw new RuleViolationException("Unknown promoter", $"There is no promoter '{request.PromoterId}' to attribute the order to.");
        if (promoter.Status != PromoterStatus.Active)
        {
            throw new RuleViolationException("Promoter is suspended", $"Promoter '{promoter.Id}' is suspended; orders cannot be attributed to them.");
        }

        if (request.GroupId is { } groupId)
        {
            var group = await grains.Get<IGroupGrain>(groupId).GetAsync(cancellationToken)
                ?? throw new RuleViolationException("Unknown group", $"There is no group '{groupId}' to attribute the order to.");
            if (!group.Members.Contains(promoter.Id))
            {
                throw new RuleViolationException("Promoter not in group", $"Promoter '{promoter.Id}' is not a member of group '{groupId}', so the order cannot be attributed to it.");
            }
        }

        var orderId = request.Id ?? "o-" + Guid.CreateVersion7().ToString("N");
        return await grains.Get<IOrderGrain>(orderId).PlaceAsync(
            new NewOrder(promoter.Id, promoter.UplineId, promoter.SecondUplineId, promoter.RegionId, request.GroupId, request.ToItems()),
            cancellationToken);
    }
}
