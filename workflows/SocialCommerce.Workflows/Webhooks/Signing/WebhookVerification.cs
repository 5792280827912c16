namespace SocialCommerce.Workflows.Webhooks;

/// <summary>What the signature check found, as stored in the delivery log.</summary>
public enum WebhookVerification
{
    Valid,
    MissingHeaders,
    MalformedTimestamp,
    StaleTimestamp,
    BadSignature,
    /// <summary>Refused before the signature was looked at (disabled hook, rate limit, oversized body).</summary>
    NotChecked,
}

/// <param name="Message">For a refusal: what was wrong and what the sender should do, for the problem response.</param>
public sealed record WebhookVerificationResult(WebhookVerification Outcome, string? Message)
{
    public bool IsValid => Outcome == WebhookVerification.Valid;

    public static readonly WebhookVerificationResult Valid = new(WebhookVerification.Valid, null);
}
