using SocialCommerce.Cluster;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Promoters;

namespace SocialCommerce.Commerce.Regions;

/// <summary>
/// Starts a funnel line: only an active supervisor of the region may start one (DOMAIN.md: graduates become
/// supervisors who run a line of their own), with a warm-up group they own.
/// </summary>
public sealed class FunnelLineLaunch(IGrainFactory grains)
{
    public async Task<FunnelLine> StartAsync(string regionId, StartFunnelLine request, CancellationToken cancellationToken)
    {
        request.Validate().ThrowIfAny();
        var region = grains.Get<IRegionGrain>(regionId);
        _ = await region.GetAsync(cancellationToken) ?? throw new NotFoundException("Region", regionId);

        var owner = await grains.Get<IPromoterGrain>(request.OwnerId!).GetAsync(cancellationToken)
            ?? throw new RuleViolationException("Unknown owner", $"There is no promoter '{request.OwnerId}' to run the line.");
        if (owner.Level != PromoterLevel.Supervisor || owner.Status != PromoterStatus.Active)
        {
            throw new RuleViolationException("Owner cannot run a line", $"Promoter '{owner.Id}' is {WireNames.Of(owner.Status)} at level {WireNames.Of(owner.Level)}; only an active supervisor can start a funnel line.");
        }

        if (owner.RegionId != regionId)
        {
            throw new RuleViolationException("Owner in another region", $"Promoter '{owner.Id}' belongs to region '{owner.RegionId}', not '{regionId}'.");
        }

        var group = await grains.Get<IGroupGrain>(request.WarmUpGroupId!).GetAsync(cancellationToken)
            ?? throw new RuleViolationException("Unknown group", $"There is no group '{request.WarmUpGroupId}'.");
        if (group.Kind != GroupKind.WarmUp || group.OwnerId != owner.Id)
        {
            throw new RuleViolationException("Not the owner's warm-up group", $"Group '{group.Id}' must be a warm-up group owned by '{owner.Id}' to start a line.");
        }

        var lineId = request.Id ?? "l-" + Guid.CreateVersion7().ToString("N");
        return await region.StartLineAsync(lineId, owner.Id, group.Id, cancellationToken);
    }
}
