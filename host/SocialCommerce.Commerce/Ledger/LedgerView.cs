namespace SocialCommerce.Commerce.Ledger;

public sealed record LedgerView(string PromoterId, Money Balance, Money Commissions, Money TaskRewards, IReadOnlyList<LedgerEntry> Entries);
