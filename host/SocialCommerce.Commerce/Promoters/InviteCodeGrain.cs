using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Promoters;

[GrainType("invite-code")]
public sealed class InviteCodeGrain(IGrainState<InviteCodeState> state) : IInviteCodeGrain
{
    public Task<string?> ResolveAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Exists ? state.State.PromoterId : null);

    public async Task<bool> ClaimAsync(string promoterId, CancellationToken cancellationToken = default)
    {
        if (state.Exists)
        {
            return state.State.PromoterId == promoterId;
        }

        state.State.PromoterId = promoterId;
        await state.WriteAsync(cancellationToken);
        return true;
    }
}
