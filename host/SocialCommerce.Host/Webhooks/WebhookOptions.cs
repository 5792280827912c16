namespace SocialCommerce.Host.Webhooks;

/// <summary>Configuration section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Largest body accepted at /hooks/{slug} (default 256 KiB); larger gets 413 and is not stored.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long a rotated-out secret stays valid when the rotate call names no grace period.</summary>
    public TimeSpan DefaultRotationGrace { get; set; } = TimeSpan.FromHours(24);
}
