using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Regions;

[EventName(nameof(RegionDefined))]
public sealed record RegionDefined(string RegionId, string Name);

[EventName(nameof(FunnelLineStarted))]
public sealed record FunnelLineStarted(string RegionId, string LineId, string OwnerId, string WarmUpGroupId, string Week);
