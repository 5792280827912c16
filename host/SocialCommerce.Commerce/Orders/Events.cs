using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Orders;

[EventName(nameof(OrderPlaced))]
public sealed record OrderPlaced(
    string OrderId,
    string PromoterId,
    string? UplineId,
    string? SecondUplineId,
    string RegionId,
    string? GroupId,
    Money Total,
    DateTimeOffset PlacedAt);

[EventName(nameof(PaymentRecorded))]
public sealed record PaymentRecorded(
    string OrderId,
    string PaymentId,
    PaymentChannel Channel,
    Money Amount,
    string? Reference,
    Money Paid,
    Money Outstanding);

[EventName(nameof(OrderPaid))]
public sealed record OrderPaid(string OrderId, Money Total);

[EventName(nameof(OrderShipped))]
public sealed record OrderShipped(string OrderId, string? TrackingNumber);

[EventName(nameof(OrderSigned))]
public sealed record OrderSigned(string OrderId);

/// <summary>Fully paid and signed for: the event commission rules start from.</summary>
[EventName(nameof(OrderCompleted))]
public sealed record OrderCompleted(
    string OrderId,
    string PromoterId,
    string? UplineId,
    string? SecondUplineId,
    string RegionId,
    string? GroupId,
    Money Total);

[EventName(nameof(OrderReturned))]
public sealed record OrderReturned(string OrderId, string PromoterId, string Reason, bool WasCompleted, Money Paid);
