namespace SocialCommerce.Commerce.Ledger;

/// <summary>Commission on <paramref name="OrderId"/>, sold by <paramref name="SellerId"/>, for the ledger's promoter at <paramref name="Level"/>.</summary>
public sealed record CommissionCredit(string EntryId, string OrderId, string SellerId, int Level, Money Amount);
