using System.Text.Json.Nodes;
using SocialCommerce.Workflows.Activities.Events;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Indexes;
using SocialCommerce.Workflows.Runtime;

namespace SocialCommerce.Workflows.Events;

/// <summary>
/// Delivers a domain event to workflows: starts every published definition whose EventTrigger names it, and resumes
/// every instance waiting for it (WaitForEvent with a matching correlation). Idempotent by event id: the started
/// instance ids derive from it and it is the resume's stimulus id, so delivering the same event twice does nothing new.
/// </summary>
public sealed class WorkflowEventPublisher(IWorkflowRuntime runtime, WorkflowIndex index)
{
    public async Task<EventDelivered> PublishAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken = default)
    {
        var started = new List<string>();
        foreach (var owner in await index.FindTriggerOwnersAsync(nameof(EventTrigger), workflowEvent.EventName, cancellationToken))
        {
            var result = await runtime.StartAsync(new StartWorkflowRequest(owner.DefinitionId, $"{owner.DefinitionId}.{workflowEvent.EventId}",
                workflowEvent.Payload?.DeepClone().AsObject(), workflowEvent.CorrelationId, TriggerActivityId: owner.ActivityId), cancellationToken);
            started.Add(result.InstanceId);
        }
        var resumed = await runtime.ResumeAsync(new ResumeWorkflowRequest(workflowEvent.EventId, BookmarkName: BookmarkNames.ForEvent(workflowEvent.EventName),
            CorrelationId: workflowEvent.CorrelationId, Payload: workflowEvent.Payload?.DeepClone().AsObject()), cancellationToken);
        return new EventDelivered(started, resumed.InstanceIds);
    }
}

/// <param name="EventId">Unique per occurrence; the same id delivered again starts and resumes nothing more.</param>
public sealed record WorkflowEvent(string EventId, string EventName, string? CorrelationId, JsonObject? Payload);

public sealed record EventDelivered(IReadOnlyList<string> Started, IReadOnlyList<string> Resumed);
