namespace SocialCommerce.Workflows.Webhooks;

/// <param name="ExpiresAt">Set when a rotation replaced it: it stays valid until then so senders can switch over.</param>
public sealed record WebhookSecretEntry(string Secret, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
