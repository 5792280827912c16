namespace SocialCommerce.Commerce.Regions;

/// <summary>
/// One line of the 7+21 funnel: a supervisor's 500-person warm-up group started in an ISO week (e.g. "2026-W47").
/// A region is asked to start one every week (DOMAIN.md: 4 lines a month × 6 regions).
/// </summary>
public sealed record FunnelLine(string LineId, string OwnerId, string WarmUpGroupId, string Week, DateTimeOffset StartedAt);
