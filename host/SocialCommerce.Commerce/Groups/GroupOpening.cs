using SocialCommerce.Cluster;
using SocialCommerce.Commerce.Promoters;

namespace SocialCommerce.Commerce.Groups;

/// <summary>Opens a group for an active promoter, in the promoter's region. Checks everything before writing.</summary>
public sealed class GroupOpening(IGrainFactory grains)
{
    public async Task<GroupView> OpenAsync(CreateGroup request, CancellationToken cancellationToken)
    {
        request.Validate().ThrowIfAny();
        var owner = await grains.Get<IPromoterGrain>(request.OwnerId!).GetAsync(cancellationToken)
            ?? throw new RuleViolationException("Unknown owner", $"There is no promoter '{request.OwnerId}' to own the group.");
        if (owner.Status != PromoterStatus.Active)
        {
            throw new RuleViolationException("Owner is suspended", $"Promoter '{owner.Id}' is suspended and cannot open groups.");
        }

        var groupId = request.Id ?? "g-" + Guid.CreateVersion7().ToString("N");
        return await grains.Get<IGroupGrain>(groupId).CreateAsync(
            new NewGroup(request.Name!.Trim(), owner.Id, owner.RegionId, request.Kind!.Value),
            cancellationToken);
    }
}
