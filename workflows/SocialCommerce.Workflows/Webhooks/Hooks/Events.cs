using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Webhooks;

[EventName("webhook.created")]
public sealed record WebhookCreated(string Slug, string DefinitionId, WebhookMode Mode);

[EventName("webhook.deleted")]
public sealed record WebhookDeleted(string Slug);
