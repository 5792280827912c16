using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Webhooks;

/// <summary>
/// A delivery was stored; committed in the same transaction as the delivery grain's state, so the dispatcher is
/// certain to see every accepted delivery (at least once) even if the host dies right after answering 202.
/// </summary>
[EventName("webhook.accepted")]
public sealed record WebhookAccepted(string DeliveryId, string? InstanceId, DateTimeOffset ReceivedAt, WebhookRequest Request);
