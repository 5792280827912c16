using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialCommerce.Cluster;
using SocialCommerce.Workflows.Hosting;
using SocialCommerce.Workflows.Webhooks;

namespace SocialCommerce.Workflows.Outbound;

/// <summary>
/// Delivers <see cref="OutboundWebhookQueued"/> events from the outbox. A failed attempt throws, which leaves the event
/// in the outbox for the dispatcher's exponential backoff (1 s, 2 s, 4 s … up to 10 minutes); after
/// <see cref="WorkflowOptions.OutboundWebhookGiveUpAfter"/> it is logged and dropped. Each attempt is signed afresh
/// (a new timestamp) under the same <c>webhook-id</c>.
/// </summary>
public sealed class OutboundWebhookSender(HttpClient http, IOptions<WorkflowOptions> options, TimeProvider time, ILogger<OutboundWebhookSender> logger)
    : IConcurrentEventSubscriber
{
    public string Name => "workflows.outbound-webhooks";

    public async Task HandleAsync(OutboxEvent domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.EventType != OutboundWebhookQueued.Name)
        {
            return;
        }
        var message = domainEvent.Read<OutboundWebhookQueued>();
        var now = time.GetUtcNow();
        if (now - domainEvent.OccurredAt > options.Value.OutboundWebhookGiveUpAfter)
        {
            logger.LogError("Outbound webhook {MessageId} to {Url} from instance {InstanceId} gave up after {Age}",
                message.MessageId, message.Url, message.InstanceId, now - domainEvent.OccurredAt);
            return;
        }
        var body = Encoding.UTF8.GetBytes(message.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (message.SecretName is { } secretName)
        {
            var secret = options.Value.WebhookSecrets.GetValueOrDefault(secretName)
                ?? throw new InvalidOperationException($"Workflows:WebhookSecrets has no secret '{secretName}' (SendWebhook in instance {message.InstanceId}).");
            foreach (var (name, value) in WebhookSigner.CreateHeaders([secret], message.MessageId, now, body))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
        else
        {
            request.Headers.TryAddWithoutValidation(WebhookSigner.IdHeader, message.MessageId);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.OutboundWebhookTimeout);
        using var response = await http.SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Outbound webhook {message.MessageId} to {message.Url} got {(int)response.StatusCode}; it is retried.");
        }
    }
}
