using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Promoters;

[GrainType("promoter")]
public sealed class PromoterGrain(IGrainState<PromoterState> state, TimeProvider time) : IPromoterGrain
{
    private string Id => state.Id.Key;

    public Task<PromoterView?> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Exists ? state.State.ToView(Id) : null);

    public async Task<PromoterView> RegisterAsync(NewPromoter promoter, CancellationToken cancellationToken = default)
    {
        if (state.Exists)
        {
            return state.State.IsSameRegistration(promoter)
                ? state.State.ToView(Id)
                : throw new ConflictException("Promoter already exists", $"Promoter id '{Id}' is already registered to someone else; choose another id.");
        }

        await state.CommitAsync(state.State.Register(Id, promoter, time.GetUtcNow()), cancellationToken);
        return state.State.ToView(Id);
    }

    public async Task<PromoterView> ChangeLevelAsync(PromoterLevel level, CancellationToken cancellationToken = default)
    {
        await state.CommitAsync(Existing().ChangeLevel(Id, level), cancellationToken);
        return state.State.ToView(Id);
    }

    public async Task<PromoterView> SuspendAsync(string reason, CancellationToken cancellationToken = default)
    {
        await state.CommitAsync(Existing().Suspend(Id, reason), cancellationToken);
        return state.State.ToView(Id);
    }

    public async Task<PromoterView> ReactivateAsync(CancellationToken cancellationToken = default)
    {
        await state.CommitAsync(Existing().Reactivate(Id), cancellationToken);
        return state.State.ToView(Id);
    }

    private PromoterState Existing() => state.Exists ? state.State : throw new NotFoundException("Promoter", Id);
}
