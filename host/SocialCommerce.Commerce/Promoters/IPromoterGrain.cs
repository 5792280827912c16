using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Promoters;

/// <summary>One promoter (推手), keyed by promoter id.</summary>
public interface IPromoterGrain : IGrain
{
    /// <summary>Null when no promoter has this id.</summary>
    Task<PromoterView?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Registers the promoter; repeating the same registration returns the stored promoter.</summary>
    Task<PromoterView> RegisterAsync(NewPromoter promoter, CancellationToken cancellationToken = default);

    Task<PromoterView> ChangeLevelAsync(PromoterLevel level, CancellationToken cancellationToken = default);

    Task<PromoterView> SuspendAsync(string reason, CancellationToken cancellationToken = default);

    Task<PromoterView> ReactivateAsync(CancellationToken cancellationToken = default);
}
