namespace SocialCommerce.Commerce.Orders;

/// <summary>One line of an order; <see cref="UnitPrice"/> in fen.</summary>
public sealed record OrderItem(string Sku, string Name, int Quantity, Money UnitPrice)
{
    public const int MaxQuantity = 10_000;

    /// <summary>¥1,000,000 a unit: with <see cref="MaxQuantity"/> and <see cref="PlaceOrder.MaxItems"/> an order total stays far inside a long.</summary>
    public static readonly Money MaxUnitPrice = Money.FromYuan(1_000_000);

    public Money LineTotal => UnitPrice * Quantity;
}
