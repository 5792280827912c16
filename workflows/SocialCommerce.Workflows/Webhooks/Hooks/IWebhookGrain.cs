using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Webhooks;

/// <summary>One hook, keyed by its slug.</summary>
public interface IWebhookGrain : IGrain
{
    /// <summary>Creates the hook and issues its first secret. A live hook with this slug already exists: conflict.</summary>
    Task<WebhookSecretIssued> CreateAsync(NewWebhook hook, CancellationToken cancellationToken = default);

    Task<WebhookView?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>What a delivery is checked against; null for an unknown (or deleted) hook.</summary>
    Task<WebhookGate?> GetGateAsync(CancellationToken cancellationToken = default);

    /// <summary>Issues a new secret; the current ones stay valid for <paramref name="grace"/> so senders can switch over.</summary>
    Task<WebhookSecretIssued> RotateSecretAsync(TimeSpan grace, CancellationToken cancellationToken = default);

    Task<WebhookView> SetEnabledAsync(bool enabled, CancellationToken cancellationToken = default);

    Task DeleteAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A published definition declares this slug: creates the hook if there is none, and re-enables one its
    /// retraction disabled. A hook of another definition is left alone (returns false).
    /// </summary>
    Task<bool> EnsureForDefinitionAsync(string definitionId, string? triggerActivityId, CancellationToken cancellationToken = default);

    /// <summary>The definition was retracted: the hook stops taking deliveries until it is published again.</summary>
    Task DisableForRetractAsync(string definitionId, CancellationToken cancellationToken = default);
}
