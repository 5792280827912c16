using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Promoters;

/// <summary>
/// One invite code (邀请码), keyed by the code, mapping it to the promoter who hands it out. Grains are key/value,
/// so this is how a code is resolved without scanning promoters.
/// </summary>
public interface IInviteCodeGrain : IGrain
{
    /// <summary>The promoter id the code was issued to, or null if it was never issued.</summary>
    Task<string?> ResolveAsync(CancellationToken cancellationToken = default);

    /// <summary>Issues the code to a promoter. False if the code already belongs to someone else.</summary>
    Task<bool> ClaimAsync(string promoterId, CancellationToken cancellationToken = default);
}
