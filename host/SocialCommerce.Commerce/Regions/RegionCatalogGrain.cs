using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Regions;

[GrainType("region-catalog")]
public sealed class RegionCatalogGrain(IGrainState<RegionCatalogState> state) : IRegionCatalogGrain
{
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(state.State.RegionIds.ToArray());

    public async Task AddAsync(string regionId, CancellationToken cancellationToken = default)
    {
        if (RegionState.AddOnce(state.State.RegionIds, regionId))
        {
            await state.WriteAsync(cancellationToken);
        }
    }
}
