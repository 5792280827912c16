namespace SocialCommerce.Commerce.Orders;

/// <summary>
/// Money that arrived for an order. <see cref="PaymentId"/> is the payer-side id (a transfer number, a courier
/// receipt): recording the same id twice records the payment once.
/// </summary>
public sealed record Payment(string PaymentId, PaymentChannel Channel, Money Amount, string? Reference, DateTimeOffset RecordedAt);
