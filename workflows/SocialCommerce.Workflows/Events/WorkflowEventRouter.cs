using System.Text.Json;
using System.Text.Json.Nodes;
using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Events;

/// <summary>
/// Hands the domain events registered with <c>AddWorkflowEvent</c> from the outbox to workflows (EventTrigger starts,
/// WaitForEvent resumes), with the event's id as the stimulus so that a redelivery resumes nothing twice.
/// </summary>
internal sealed class WorkflowEventRouter(WorkflowEventRegistry registry, WorkflowEventPublisher publisher) : IConcurrentEventSubscriber
{
    public string Name => "workflow-events";

    public async Task HandleAsync(OutboxEvent domainEvent, CancellationToken cancellationToken)
    {
        if (registry.Find(domainEvent.EventType) is not { } registration)
        {
            return;
        }
        var typed = JsonSerializer.Deserialize(domainEvent.Payload, registration.EventType, ClusterJson.Options)
            ?? throw new InvalidOperationException($"Event {domainEvent.EventId} ({domainEvent.EventType}) has an empty payload.");
        await publisher.PublishAsync(new WorkflowEvent(domainEvent.EventId.ToString("N"), registration.EventName, registration.Correlation(typed),
            JsonNode.Parse(domainEvent.Payload)?.AsObject()), cancellationToken);
    }
}
