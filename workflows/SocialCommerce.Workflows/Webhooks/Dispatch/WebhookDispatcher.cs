using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialCommerce.Cluster;
using SocialCommerce.Workflows.Runtime;

namespace SocialCommerce.Workflows.Webhooks;

/// <summary>
/// Hands each accepted delivery to the engine — outside the HTTP request, from the outbox — and records what came of
/// it in the delivery log. Redelivery is safe: a delivery the log already shows as settled is not sent again, and the
/// engine itself starts an instance id once and resumes a stimulus id once. Log rows of one dispatch pass are
/// written together when the dispatcher flushes, before it marks the pass's events dispatched.
/// </summary>
public sealed class WebhookDispatcher(IServiceProvider services, WebhookDeliveryLog log, ILogger<WebhookDispatcher> logger)
    : IBatchingEventSubscriber, IConcurrentEventSubscriber
{
    private readonly Lock _lock = new();
    private List<WebhookLogEntry> _unwritten = [];

    public string Name => "webhook-dispatch";

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        List<WebhookLogEntry> entries;
        lock (_lock)
        {
            (entries, _unwritten) = (_unwritten, []);
        }
        try
        {
            await log.RecordDispatchesAsync(entries, cancellationToken);
        }
        catch
        {
            lock (_lock)
            {
                _unwritten.InsertRange(0, entries); // the dispatcher delivers the batch again; keep them for that flush
            }
            throw;
        }
    }

    public async Task HandleAsync(OutboxEvent domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.EventType != "webhook.accepted")
        {
            return;
        }
        var accepted = domainEvent.Read<WebhookAccepted>();
        var settled = await log.GetAsync(accepted.DeliveryId, cancellationToken);
        if (settled is not null && settled.Status != WebhookDeliveryStatus.Retrying)
        {
            return;
        }

        // Resolved per event: the engine is registered by its own module, and a host without one keeps deliveries
        // stored and retried rather than failing to start.
        var runtime = services.GetService<IWorkflowRuntime>();
        try
        {
            if (runtime is null)
            {
                throw new InvalidOperationException("No workflow engine (IWorkflowRuntime) is registered in this host; deliveries wait until one is.");
            }
            var (status, instances) = await DispatchAsync(runtime, accepted, cancellationToken);
            Record(Entry(accepted, status, instances, null));
        }
        catch (WorkflowNotFoundException notFound)
        {
            logger.LogWarning("Webhook delivery {DeliveryId} on {Slug} failed for good: {Reason}", accepted.DeliveryId, accepted.Request.Slug, notFound.Message);
            Record(Entry(accepted, WebhookDeliveryStatus.Failed, [], notFound.Message));
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            Record(Entry(accepted, WebhookDeliveryStatus.Retrying, [], error.Message));
            throw; // the outbox retries with backoff
        }
    }

    private void Record(WebhookLogEntry entry)
    {
        lock (_lock)
        {
            _unwritten.Add(entry);
        }
    }

    private static async Task<(WebhookDeliveryStatus, IReadOnlyList<string>)> DispatchAsync(IWorkflowRuntime runtime, WebhookAccepted accepted,
        CancellationToken cancellationToken)
    {
        var request = accepted.Request;
        var payload = PayloadOf(request.Body);
        if (request.Mode == WebhookMode.Start)
        {
            var started = await runtime.StartAsync(
                new StartWorkflowRequest(request.DefinitionId, accepted.InstanceId!, payload, request.CorrelationId,
                    TriggerActivityId: request.TriggerActivityId), cancellationToken);
            return (WebhookDeliveryStatus.Started, [started.InstanceId]);
        }
        var resumed = await runtime.ResumeAsync(request.ResumeToken is { } token
            ? new ResumeWorkflowRequest(WebhookIds.StimulusId(accepted.DeliveryId), ResumeToken: token, Payload: payload)
            : new ResumeWorkflowRequest(WebhookIds.StimulusId(accepted.DeliveryId), BookmarkName: WebhookBookmarks.NameFor(request.Slug),
                CorrelationId: request.CorrelationId, Payload: payload), cancellationToken);
        return resumed.InstanceIds.Count == 0 ? (WebhookDeliveryStatus.NoMatch, []) : (WebhookDeliveryStatus.Resumed, resumed.InstanceIds);
    }

    /// <summary>The workflow's input: the body's object, or a non-object JSON body under <c>body</c>.</summary>
    internal static JsonObject PayloadOf(string body) => JsonNode.Parse(body) is JsonObject obj ? obj : new JsonObject { ["body"] = JsonNode.Parse(body) };

    private static WebhookLogEntry Entry(WebhookAccepted accepted, WebhookDeliveryStatus status, IReadOnlyList<string> instances, string? error) =>
        new(accepted.DeliveryId, accepted.Request.Slug, accepted.Request.DedupKey, accepted.ReceivedAt, 202, status, WebhookVerification.Valid,
            accepted.Request.Headers, instances, accepted.Request.ReplayOf, error, 0);
}
