using SocialCommerce.Cluster;
using SocialCommerce.Commerce.Regions;

namespace SocialCommerce.Commerce.Promoters;

/// <summary>
/// Signs a promoter up: resolves the invite code to the upline chain, issues the newcomer's own code, then
/// registers the promoter grain. Every check happens before the first write, so a refused sign-up stores nothing.
/// </summary>
public sealed class PromoterSignUp(IGrainFactory grains)
{
    private const int CodeAttempts = 5;

    public async Task<PromoterView> SignUpAsync(SignUpPromoter request, CancellationToken cancellationToken)
    {
        request.Validate().ThrowIfAny();
        var regionId = request.RegionId!;
        _ = await grains.Get<IRegionGrain>(regionId).GetAsync(cancellationToken)
            ?? throw new RuleViolationException("Unknown region", $"There is no region '{regionId}'. Use the id of an existing region (GET /api/regions).");

        var upline = request.InviteCode is null ? null : await ResolveInviterAsync(request.InviteCode, cancellationToken);
        var promoterId = request.Id ?? NewPromoterId();
        var promoter = grains.Get<IPromoterGrain>(promoterId);

        // A retried sign-up with the same id keeps the code it was first given.
        var existing = await promoter.GetAsync(cancellationToken);
        var code = existing?.InviteCode ?? await IssueCodeAsync(promoterId, cancellationToken);
        return await promoter.RegisterAsync(
            new NewPromoter(request.Name!.Trim(), regionId, code, upline?.Id, upline?.UplineId),
            cancellationToken);
    }

    /// <summary>The promoter who hands out this code, if the code is theirs and they may invite.</summary>
    public async Task<PromoterView> ResolveInviterAsync(string inviteCode, CancellationToken cancellationToken)
    {
        var code = InviteCodes.Normalize(inviteCode);
        var promoterId = await grains.Get<IInviteCodeGrain>(code).ResolveAsync(cancellationToken);
        var inviter = promoterId is null ? null : await grains.Get<IPromoterGrain>(promoterId).GetAsync(cancellationToken);

        // A code whose promoter never finished registering (or now holds another code) is not a valid code.
        if (inviter is null || inviter.InviteCode != code)
        {
            throw new RuleViolationException("Unknown invite code", $"No promoter has the invite code '{code}'. Check the code with the person who shared it.");
        }

        if (inviter.Status != PromoterStatus.Active)
        {
            throw new RuleViolationException("Invite code not usable", $"The invite code '{code}' belongs to a suspended promoter and cannot be used now.");
        }

        return inviter;
    }

    private async Task<string> IssueCodeAsync(string promoterId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < CodeAttempts; attempt++)
        {
            var code = InviteCodes.NewCode();
            if (await grains.Get<IInviteCodeGrain>(code).ClaimAsync(promoterId, cancellationToken))
            {
                return code;
            }
        }

        throw new InvalidOperationException($"Could not issue a free invite code in {CodeAttempts} attempts.");
    }

    private static string NewPromoterId() => "p-" + Guid.CreateVersion7().ToString("N");
}
