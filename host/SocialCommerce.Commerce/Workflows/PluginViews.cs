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
    /// <param name="monthlyGmv">The promoter's completed sales this business month (see <c>LedgerState.SalesByMonth</c>).</param>
    public static Sdk.PromoterView From(PromoterView promoter, Money monthlyGmv = default) => new(promoter.Id, promoter.Name,
        WireNames.Of(promoter.Level), promoter.UplineId, promoter.RegionId, monthlyGmv.Fen, promoter.RegisteredAt);

    public static Sdk.OrderView From(OrderView order) =>
        new(order.Id, order.PromoterId, order.GroupId, order.Total.Fen, order.Paid.Fen, WireNames.Of(order.Status), order.PlacedAt);

    public static Sdk.GroupView From(GroupView group) =>
        new(group.Id, group.OwnerId, group.IsFull ? "full" : "open", group.MemberCount, group.Capacity);
}
