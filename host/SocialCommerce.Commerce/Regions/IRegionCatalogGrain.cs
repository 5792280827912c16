using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Regions;

/// <summary>The list of all regions (a single grain, key <see cref="Key"/>): grains are key/value, so someone has to keep it.</summary>
public interface IRegionCatalogGrain : IGrain
{
    public const string Key = "all";

    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a region id (idempotent).</summary>
    Task AddAsync(string regionId, CancellationToken cancellationToken = default);
}
