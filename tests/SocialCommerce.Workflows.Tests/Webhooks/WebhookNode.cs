using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Cluster.Outbox;
using SocialCommerce.Testing;
using SocialCommerce.Workflows.Runtime;
using SocialCommerce.Workflows.Webhooks;

namespace SocialCommerce.Workflows.Tests.Webhooks;

/// <summary>
/// A cluster node with the webhook grains and subscribers, the engine double, and the outbox dispatched only when
/// a test says so (<see cref="DispatchAsync"/>), so what happens between "accepted" and "dispatched" is visible.
/// </summary>
internal static class WebhookNode
{
    public static readonly Dictionary<string, string?> ManualDispatch = new() { ["Cluster:DispatchOutbox"] = "false" };

    public static Task<ClusterTestHost> StartAsync(TestDatabase database, RecordingWorkflowRuntime runtime, TimeProvider? time = null) =>
        ClusterTestHost.StartAsync(database, services =>
        {
            services.AddWebhookTriggers();
            services.AddGrain<IDefinitionEventsGrain, DefinitionEventsGrain>();
            services.AddSingleton<IWorkflowRuntime>(runtime);
        }, ManualDispatch, time);

    public static Task<int> DispatchAsync(this ClusterTestHost node) =>
        node.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync();

    public static WebhookDeliveryLog Log(this ClusterTestHost node) => node.Services.GetRequiredService<WebhookDeliveryLog>();

    /// <summary>What the host hands the delivery grain after verifying a request with this webhook-id and body.</summary>
    public static WebhookRequest Request(string slug, string webhookId, string body = """{"promoterId":"p1"}""",
        WebhookMode mode = WebhookMode.Start, string? correlation = null, string? token = null) =>
        new(slug, WebhookIds.DedupKey(webhookId, null, Encoding.UTF8.GetBytes(body)), "onboarding", mode, body,
            new Dictionary<string, string> { ["webhook-id"] = webhookId, ["webhook-signature"] = WebhookHeaderRedaction.Redacted },
            correlation, token);

    public static Task<WebhookReceipt> AcceptAsync(this ClusterTestHost node, WebhookRequest request) =>
        node.Grains.Get<IWebhookDeliveryGrain>(WebhookIds.DeliveryKey(request.Slug, request.DedupKey)).AcceptAsync(request);
}
