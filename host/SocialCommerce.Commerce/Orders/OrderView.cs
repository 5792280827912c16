namespace SocialCommerce.Commerce.Orders;

public sealed record OrderView(
    string Id,
    string PromoterId,
    string? UplineId,
    string? SecondUplineId,
    string RegionId,
    string? GroupId,
    IReadOnlyList<OrderItem> Items,
    Money Total,
    Money Paid,
    Money Outstanding,
    IReadOnlyList<Payment> Payments,
    OrderStatus Status,
    PaymentStatus PaymentStatus,
    DateTimeOffset PlacedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? ShippedAt,
    string? TrackingNumber,
    DateTimeOffset? SignedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ReturnedAt,
    string? ReturnReason);
