using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Webhooks;

/// <remarks>One per delivery, read again only for a repeat, a replay or the API: its activation (with the body) leaves memory after a minute.</remarks>
[GrainType(GrainTypeName)]
[GrainIdleTimeout(60)]
public sealed class WebhookDeliveryGrain(IGrainState<WebhookDeliveryState> state, TimeProvider time) : IWebhookDeliveryGrain
{
    public const string GrainTypeName = "webhookDelivery";

    public async Task<WebhookReceipt> AcceptAsync(WebhookRequest request, CancellationToken cancellationToken = default)
    {
        var delivery = state.State;
        if (state.Exists)
        {
            return new WebhookReceipt(delivery.DeliveryId, delivery.InstanceId, Repeat: true);
        }
        delivery.DeliveryId = WebhookIds.NewDeliveryId();
        delivery.InstanceId = request.Mode == WebhookMode.Start ? WebhookIds.NewInstanceId() : null;
        delivery.ReceivedAt = time.GetUtcNow();
        delivery.Request = request;
        state.Emit(new WebhookAccepted(delivery.DeliveryId, delivery.InstanceId, delivery.ReceivedAt, request));
        await state.WriteAsync(cancellationToken);
        return new WebhookReceipt(delivery.DeliveryId, delivery.InstanceId, Repeat: false);
    }

    public Task<WebhookDeliveryState?> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Exists ? state.State : null);
}
