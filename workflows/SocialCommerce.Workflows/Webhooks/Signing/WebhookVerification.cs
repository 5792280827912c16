using System.Text.Json.Serialization;

namespace SocialCommerce.Workflows.Webhooks;

/// <summary>What the signature check found, as stored in the delivery log.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookVerification>))]
public enum WebhookVerification
{
    [JsonStringEnumMemberName("valid")]
    Valid,
    [JsonStringEnumMemberName("missing-headers")]
    MissingHeaders,
    [JsonStringEnumMemberName("malformed-timestamp")]
    MalformedTimestamp,
    [JsonStringEnumMemberName("stale-timestamp")]
    StaleTimestamp,
    [JsonStringEnumMemberName("bad-signature")]
    BadSignature,
    /// <summary>Refused before the signature was looked at (disabled hook, rate limit, oversized body).</summary>
    [JsonStringEnumMemberName("not-checked")]
    NotChecked,
}

/// <param name="Message">For a refusal: what was wrong and what the sender should do, for the problem response.</param>
public sealed record WebhookVerificationResult(WebhookVerification Outcome, string? Message)
{
    public bool IsValid => Outcome == WebhookVerification.Valid;

    public static readonly WebhookVerificationResult Valid = new(WebhookVerification.Valid, null);
}
