using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Promoters;

[EventName(nameof(PromoterRegistered))]
public sealed record PromoterRegistered(
    string PromoterId,
    string Name,
    string RegionId,
    string InviteCode,
    string? UplineId,
    string? SecondUplineId,
    PromoterLevel Level);

[EventName(nameof(PromoterLevelChanged))]
public sealed record PromoterLevelChanged(string PromoterId, string RegionId, PromoterLevel From, PromoterLevel To);

[EventName(nameof(PromoterSuspended))]
public sealed record PromoterSuspended(string PromoterId, string Reason);

[EventName(nameof(PromoterReactivated))]
public sealed record PromoterReactivated(string PromoterId);
