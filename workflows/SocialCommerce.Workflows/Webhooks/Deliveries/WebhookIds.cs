using System.Security.Cryptography;

namespace SocialCommerce.Workflows.Webhooks;

/// <summary>The ids a delivery gets, and the key it is deduplicated by.</summary>
public static class WebhookIds
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static string NewDeliveryId() => "whd_" + Guid.CreateVersion7().ToString("N");

    public static string NewInstanceId() => "wfi_" + Guid.CreateVersion7().ToString("N");

    /// <summary>
    /// The sender's <c>webhook-id</c> (Standard Webhooks keeps it across retries), else its <c>Idempotency-Key</c>,
    /// else a hash of the body: the same bytes sent twice are one delivery. Prefixed by source so they never collide.
    /// </summary>
    public static string DedupKey(string? webhookId, string? idempotencyKey, ReadOnlySpan<byte> body)
    {
        if (!string.IsNullOrWhiteSpace(webhookId))
        {
            return "id:" + webhookId;
        }
        if (!string.IsNullOrWhiteSpace(idempotencyKey))
        {
            return "key:" + idempotencyKey;
        }
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));
    }

    /// <summary>The key of a delivery grain: per hook, so two hooks never share a dedup space.</summary>
    public static string DeliveryKey(string slug, string dedupKey) => $"{slug}/{dedupKey}";

    /// <summary>The key of the index grain listing the hooks a definition's triggers own.</summary>
    public static string DefinitionIndexKey(string definitionId) => $"definition:{definitionId}";

    /// <summary>The stimulus id a resume is deduplicated by in the engine: the delivery id, so a redelivery never resumes twice.</summary>
    public static string StimulusId(string deliveryId) => $"webhook:{deliveryId}";
}
