namespace SocialCommerce.Workflows.Webhooks;

/// <summary>One row of the delivery log.</summary>
/// <param name="InstanceIds">The instance started, or those resumed.</param>
public sealed record WebhookLogEntry(
    string DeliveryId,
    string Slug,
    string? DedupKey,
    DateTimeOffset ReceivedAt,
    int HttpStatus,
    WebhookDeliveryStatus Status,
    WebhookVerification Verification,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<string> InstanceIds,
    string? ReplayOf,
    string? Error,
    int Attempts);

public sealed record WebhookLogPage(int Total, int Offset, IReadOnlyList<WebhookLogEntry> Items);
