using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Instances;

/// <summary>Between the stored <see cref="WorkflowInstanceState"/> and the in-memory <see cref="WorkflowExecution"/> the executor runs.</summary>
internal static class InstanceStateMapper
{
    public static WorkflowExecution Restore(WorkflowPlan plan, string instanceId, WorkflowInstanceState state)
    {
        var execution = new WorkflowExecution(plan, instanceId, state.Input.DeepClone().AsObject(), state.CorrelationId)
        {
            Status = state.Status,
            Incident = state.Incident,
        };
        foreach (var (name, value) in state.Variables)
        {
            if (plan.SlotsByName.TryGetValue(name, out var slot))
            {
                execution.Variables[slot] = ValueConverter.To(value?.DeepClone(), plan.SlotTypes[slot]);
            }
        }
        foreach (var (name, value) in state.Output)
        {
            execution.Output[name] = value?.DeepClone();
        }
        execution.Bookmarks.AddRange(state.Bookmarks);
        execution.Journal.AddRange(state.Journal);
        foreach (var (id, value) in state.ActivityState)
        {
            execution.ActivityState[id] = value?.DeepClone();
        }
        foreach (var item in state.Scheduled)
        {
            execution.Scheduled.Enqueue(new WorkItem(plan.NodesById[item.ActivityId].Index,
                item.FromActivityId is { } from ? plan.NodesById[from].Index : -1));
        }
        return execution;
    }

    /// <summary>Writes the execution back into <paramref name="state"/>, keeping what only the grain tracks (stimuli, created time).</summary>
    public static void Capture(WorkflowExecution execution, WorkflowInstanceState state, DateTimeOffset now)
    {
        var plan = execution.Plan;
        state.DefinitionId = plan.DefinitionId;
        state.Version = plan.Version;
        state.Status = execution.Status;
        state.CorrelationId = execution.CorrelationId;
        state.Variables = plan.SlotNames.Take(plan.Definition.Variables.Count)
            .Select((name, slot) => (name, slot)).ToDictionary(p => p.name, p => ValueConverter.ToJson(execution.Variables[p.slot]), StringComparer.Ordinal);
        state.Input = execution.Input;
        state.Output = execution.Output;
        state.Bookmarks = [.. execution.Bookmarks];
        state.Journal = [.. execution.Journal];
        state.ActivityState = new(execution.ActivityState, StringComparer.Ordinal);
        state.Scheduled = execution.Scheduled.Select(w => new ScheduledActivity(plan.Nodes[w.Node].Id, w.From < 0 ? null : plan.Nodes[w.From].Id)).ToList();
        state.Incident = execution.Incident;
        state.UpdatedAt = now;
        if (state.CreatedAt == default)
        {
            state.CreatedAt = now;
        }
    }
}
