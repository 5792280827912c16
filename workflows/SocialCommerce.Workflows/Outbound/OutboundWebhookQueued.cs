using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Outbound;

/// <summary>
/// A SendWebhook activity's request, committed to the outbox with the instance's state so it is sent once the turn
/// commits (never from inside it) and retried with backoff until the receiver accepts it.
/// </summary>
/// <param name="MessageId">The <c>webhook-id</c>: the same on every retry, so receivers can deduplicate.</param>
[EventName(Name)]
public sealed record OutboundWebhookQueued(string MessageId, string Url, string EventType, string Body, string? SecretName, string InstanceId, string ActivityId)
{
    public const string Name = "workflow.outbound-webhook";
}
