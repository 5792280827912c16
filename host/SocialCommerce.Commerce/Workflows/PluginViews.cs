using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Orders;
using SocialCommerce.Commerce.Promoters;
using Sdk = SocialCommerce.Plugins.Sdk;

namespace SocialCommerce.Commerce.Workflows;

/// <summary>
/// The read-only views a plug-in sees, filled from grain state. The SDK keeps its own plain records so that plug-ins
/// keep compiling whatever the grains look like; enum values go over as their JSON names.
/// </summary>
internal static class PluginViews
{
    public static Sdk.PromoterView From(PromoterView promoter) => new(promoter.Id, promoter.Name, EnumNames.Of(promoter.Level), promoter.UplineId,
        promoter.RegionId, MonthlyGmvFen: 0, promoter.RegisteredAt);

    public static Sdk.OrderView From(OrderView order) =>
        new(order.Id, order.PromoterId, order.GroupId, order.Total.Fen, order.Paid.Fen, EnumNames.Of(order.Status), order.PlacedAt);

    public static Sdk.GroupView From(GroupView group) =>
        new(group.Id, group.OwnerId, group.IsFull ? "full" : "open", group.MemberCount, group.Capacity);
}
