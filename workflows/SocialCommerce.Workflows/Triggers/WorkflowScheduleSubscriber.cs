using SocialCommerce.Cluster;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Runtime;

namespace SocialCommerce.Workflows.Triggers;

/// <summary>Keeps each definition's Timer and Cron triggers scheduled as it is published, retracted or deleted.</summary>
internal sealed class WorkflowScheduleSubscriber(IGrainFactory grains) : IEventSubscriber
{
    public string Name => "workflow-schedules";

    public Task HandleAsync(OutboxEvent domainEvent, CancellationToken cancellationToken)
    {
        switch (domainEvent.EventType)
        {
            case "workflow.definition-published":
                var published = domainEvent.Read<WorkflowDefinitionPublished>();
                return grains.Get<IWorkflowScheduleGrain>(published.DefinitionId).ScheduleAsync(published.Version, published.Triggers, cancellationToken);
            case "workflow.definition-retracted":
                return grains.Get<IWorkflowScheduleGrain>(domainEvent.Read<WorkflowDefinitionRetracted>().DefinitionId).UnscheduleAsync(cancellationToken);
            case "workflow.definition-deleted":
                return grains.Get<IWorkflowScheduleGrain>(domainEvent.Read<WorkflowDefinitionDeleted>().DefinitionId).UnscheduleAsync(cancellationToken);
            default:
                return Task.CompletedTask;
        }
    }
}
