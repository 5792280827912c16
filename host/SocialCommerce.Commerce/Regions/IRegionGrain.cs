using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Regions;

/// <summary>One regional team (大区), keyed by region id (e.g. "north-east").</summary>
public interface IRegionGrain : IGrain
{
    Task<RegionView?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the region or renames it.</summary>
    Task<RegionView> DefineAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Lists a promoter under the region (idempotent).</summary>
    Task AddPromoterAsync(string promoterId, CancellationToken cancellationToken = default);

    /// <summary>Lists a group under the region (idempotent).</summary>
    Task AddGroupAsync(string groupId, CancellationToken cancellationToken = default);

    Task<Page<string>> ListPromotersAsync(int offset, int limit, CancellationToken cancellationToken = default);

    Task<Page<string>> ListGroupsAsync(int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>Records a started funnel line (owner and group checked beforehand by <see cref="FunnelLineLaunch"/>).</summary>
    Task<FunnelLine> StartLineAsync(string lineId, string ownerId, string warmUpGroupId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FunnelLine>> ListLinesAsync(CancellationToken cancellationToken = default);
}
