namespace SocialCommerce.Commerce.Orders;

/// <summary>One line of an order; <see cref="UnitPrice"/> in fen.</summary>
public sealed record OrderItem(string Sku, string Name, int Quantity, Money UnitPrice)
{
    public const int MaxQuantity = 10_000;

    public Money LineTotal => UnitPrice * Quantity;
}
