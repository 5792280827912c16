using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Webhooks;

/// <summary>One delivery, keyed by <see cref="WebhookIds.DeliveryKey"/> (slug + dedup key).</summary>
public interface IWebhookDeliveryGrain : IGrain
{
    /// <summary>
    /// Stores the request and emits <see cref="WebhookAccepted"/> in one commit, assigning the delivery id (and the
    /// instance id of a start hook). If this key was accepted before, nothing is written and the first receipt is returned.
    /// </summary>
    Task<WebhookReceipt> AcceptAsync(WebhookRequest request, CancellationToken cancellationToken = default);

    Task<WebhookDeliveryState?> GetAsync(CancellationToken cancellationToken = default);
}
