namespace SocialCommerce.Commerce.Orders;

/// <summary>
/// What an order grain needs to be placed. The promoter's upline chain and region are copied in at placement, so
/// commission later follows the chain as it was when the sale was made.
/// </summary>
public sealed record NewOrder(
    string PromoterId,
    string? UplineId,
    string? SecondUplineId,
    string RegionId,
    string? GroupId,
    IReadOnlyList<OrderItem> Items);
