namespace SocialCommerce.Commerce.Ledger;

/// <summary>
/// Commission on <paramref name="OrderId"/>, sold by <paramref name="SellerId"/>, for the ledger's promoter at <paramref name="Level"/>.
/// The seller's own credit (level 1) carries the <paramref name="Sale"/>, which counts toward their monthly GMV.
/// </summary>
public sealed record CommissionCredit(string EntryId, string OrderId, string SellerId, int Level, Money Amount, OrderSale? Sale = null);

/// <summary>A completed order's total and when it completed, as it counts toward the seller's monthly GMV.</summary>
public sealed record OrderSale(Money Total, DateTimeOffset CompletedAt);
