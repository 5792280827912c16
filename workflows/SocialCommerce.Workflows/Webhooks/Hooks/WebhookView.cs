namespace SocialCommerce.Workflows.Webhooks;

/// <summary>A hook as the API shows it: never its secrets, only how many are valid now.</summary>
public sealed record WebhookView(string Slug, string DefinitionId, WebhookMode Mode, bool Enabled, int RateLimitPerSecond,
    string CorrelationProperty, DateTimeOffset CreatedAt, bool CreatedByTrigger, int ValidSecrets);

/// <summary>Returned once, at creation or rotation: the only time the secret leaves the server.</summary>
public sealed record WebhookSecretIssued(WebhookView Hook, string Secret, DateTimeOffset? PreviousSecretValidUntil);

/// <summary>What the request path needs to decide on a delivery, read in one turn of the hook grain.</summary>
public sealed record WebhookGate(string Slug, string DefinitionId, WebhookMode Mode, bool Enabled, int RateLimitPerSecond,
    string CorrelationProperty, IReadOnlyList<string> Secrets, string? TriggerActivityId = null);
