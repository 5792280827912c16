namespace SocialCommerce.Workflows.Webhooks;

/// <summary>
/// A verified delivery as it is stored: the raw body (already checked to be JSON), the headers with secrets
/// redacted, and where it goes — taken from the hook when it arrived, so a later change to the hook does not
/// change what an accepted delivery does.
/// </summary>
/// <param name="ReplayOf">The delivery this one replays, when an operator asked for a replay.</param>
/// <param name="TriggerActivityId">The definition's WebhookTrigger activity, when a published definition declared the hook.</param>
public sealed record WebhookRequest(
    string Slug,
    string DedupKey,
    string DefinitionId,
    WebhookMode Mode,
    string Body,
    IReadOnlyDictionary<string, string> Headers,
    string? CorrelationId,
    string? ResumeToken,
    string? ReplayOf = null,
    string? TriggerActivityId = null);

/// <summary>What the sender is told: 202 with these ids. A repeat gets the first delivery's ids back.</summary>
/// <param name="InstanceId">The instance a start hook will start (chosen now, so a repeat can name it); null when resuming.</param>
public sealed record WebhookReceipt(string DeliveryId, string? InstanceId, bool Repeat);
