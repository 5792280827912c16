using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Regions;

[GrainType("region")]
public sealed class RegionGrain(IGrainState<RegionState> state, TimeProvider time) : IRegionGrain
{
    private string Id => state.Id.Key;

    public Task<RegionView?> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Exists ? state.State.ToView(Id, time.GetUtcNow()) : null);

    public async Task<RegionView> DefineAsync(string name, CancellationToken cancellationToken = default)
    {
        await state.CommitAsync(state.State.Define(Id, name), cancellationToken);
        return state.State.ToView(Id, time.GetUtcNow());
    }

    public async Task AddPromoterAsync(string promoterId, CancellationToken cancellationToken = default)
    {
        if (RegionState.AddOnce(Existing().PromoterIds, promoterId))
        {
            await state.WriteAsync(cancellationToken);
        }
    }

    public async Task AddGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        if (RegionState.AddOnce(Existing().GroupIds, groupId))
        {
            await state.WriteAsync(cancellationToken);
        }
    }

    public Task<Page<string>> ListPromotersAsync(int offset, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult(Page<string>.Of(Existing().PromoterIds, offset, limit));

    public Task<Page<string>> ListGroupsAsync(int offset, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult(Page<string>.Of(Existing().GroupIds, offset, limit));

    public async Task<FunnelLine> StartLineAsync(string lineId, string ownerId, string warmUpGroupId, CancellationToken cancellationToken = default)
    {
        await state.CommitAsync(Existing().StartLine(Id, lineId, ownerId, warmUpGroupId, time.GetUtcNow()), cancellationToken);
        return state.State.Lines.Single(l => l.LineId == lineId);
    }

    public Task<IReadOnlyList<FunnelLine>> ListLinesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FunnelLine>>(Existing().Lines.ToArray());

    private RegionState Existing() => state.Exists ? state.State : throw new NotFoundException("Region", Id);
}
