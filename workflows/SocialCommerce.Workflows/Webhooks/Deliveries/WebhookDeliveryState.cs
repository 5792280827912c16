namespace SocialCommerce.Workflows.Webhooks;

/// <summary>One accepted delivery. Its existence is the dedup record: a second request with the same key finds it.</summary>
public sealed class WebhookDeliveryState
{
    public string DeliveryId { get; set; } = "";

    public string? InstanceId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public WebhookRequest? Request { get; set; }
}
