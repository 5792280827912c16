using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Ledger;

[EventName(nameof(CommissionCredited))]
public sealed record CommissionCredited(string PromoterId, string EntryId, string OrderId, string SellerId, int Level, Money Amount, Money Balance);

[EventName(nameof(TaskRewardGranted))]
public sealed record TaskRewardGranted(string PromoterId, string EntryId, string TaskName, Money Amount, Money Balance);
