namespace SocialCommerce.Workflows.Webhooks;

/// <summary>Configuration section <c>Webhooks</c>: how long deliveries are kept.</summary>
public sealed class WebhookRetentionOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>The shortest retention allowed: a repeat of a delivery must get the first response for at least 72 hours.</summary>
    public static readonly TimeSpan MinimumDeliveryRetention = TimeSpan.FromHours(72);

    /// <summary>
    /// How long a delivery (its stored request, its dedup record and its log entry) is kept; a repeat of its
    /// webhook-id within this time gets the first response. At least 72 hours.
    /// </summary>
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(7);
}
