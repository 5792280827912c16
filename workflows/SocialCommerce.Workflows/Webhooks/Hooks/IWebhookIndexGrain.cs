using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Webhooks;

/// <summary>
/// A set of slugs grains cannot query for themselves: key <see cref="AllKey"/> lists every hook (for the API), key
/// <c>definition:{id}</c> the hooks a definition's triggers own (so a retraction finds them).
/// </summary>
public interface IWebhookIndexGrain : IGrain
{
    public const string AllKey = "all";

    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Idempotent: adding a slug already listed writes nothing.</summary>
    Task AddAsync(string slug, CancellationToken cancellationToken = default);

    Task RemoveAsync(string slug, CancellationToken cancellationToken = default);
}
