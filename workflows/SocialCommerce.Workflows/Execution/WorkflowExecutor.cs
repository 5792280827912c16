using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace SocialCommerce.Workflows.Execution;

/// <summary>
/// Runs a <see cref="WorkflowExecution"/> in memory: takes scheduled activities one at a time, journals each start,
/// completion and fault, and follows the connections of the outcomes each completes with, until nothing is left to
/// run (the instance finished, or it waits on bookmarks) or an activity faults. No I/O: the instance grain stores the
/// result in one write.
/// </summary>
public sealed class WorkflowExecutor(TimeProvider time, ILogger<WorkflowExecutor> logger)
{
    /// <param name="triggerActivityId">The trigger that fired; by default the one start activity (or the Start among several).</param>
    public ValueTask StartAsync(WorkflowExecution execution, string? triggerActivityId = null, CancellationToken cancellationToken = default)
    {
        var plan = execution.Plan;
        if (plan.Nodes.Length == 0)
        {
            execution.Status = WorkflowStatus.Finished;
            return ValueTask.CompletedTask;
        }
        int start;
        if (triggerActivityId is not null)
        {
            start = plan.NodesById.TryGetValue(triggerActivityId, out var trigger)
                ? trigger.Index
                : throw new ArgumentException($"Workflow '{plan.DefinitionId}' version {plan.Version} has no activity '{triggerActivityId}'.", nameof(triggerActivityId));
        }
        else
        {
            start = plan.Roots.Length == 1 ? plan.Roots[0] : plan.Roots.FirstOrDefault(r => plan.Nodes[r].Type == "Start", plan.Roots[0]);
        }
        execution.Status = WorkflowStatus.Running;
        execution.Scheduled.Enqueue(new WorkItem(start, -1));
        return RunAsync(execution, new ActivityContext(execution, time, logger, cancellationToken));
    }

    /// <summary>Resumes the activity waiting on the bookmark with this token. False if no such bookmark waits.</summary>
    public async ValueTask<bool> ResumeAsync(WorkflowExecution execution, string token, JsonNode? payload, bool dueTimeReached = false,
        CancellationToken cancellationToken = default)
    {
        if (execution.Status is not (WorkflowStatus.Suspended or WorkflowStatus.Running))
        {
            return false;
        }
        var index = execution.Bookmarks.FindIndex(b => b.Token == token);
        if (index < 0)
        {
            return false;
        }
        var bookmark = execution.Bookmarks[index];
        execution.Bookmarks.RemoveAt(index);
        var node = execution.Plan.NodesById[bookmark.ActivityId];
        var context = new ActivityContext(execution, time, logger, cancellationToken);
        context.Reset(node, -1);
        execution.Status = WorkflowStatus.Running;
        Journal(execution, node, JournalEntryKind.Resumed, null, null);
        try
        {
            await node.Activity.ResumeAsync(context, new BookmarkResumption(bookmark, payload, dueTimeReached));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fault(execution, node, -1, e);
            return true;
        }
        AfterActivity(execution, context);
        await RunAsync(execution, context);
        return true;
    }

    /// <summary>Re-runs the activity an incident stopped on, then carries on. False if the instance has no incident.</summary>
    public ValueTask<bool> RetryAsync(WorkflowExecution execution, CancellationToken cancellationToken = default)
    {
        if (execution.Status != WorkflowStatus.Faulted || execution.Incident is not { } incident)
        {
            return ValueTask.FromResult(false);
        }
        var plan = execution.Plan;
        var rest = execution.Scheduled.ToArray();
        execution.Scheduled.Clear();
        execution.Scheduled.Enqueue(new WorkItem(plan.NodesById[incident.ActivityId].Index,
            incident.FromActivityId is { } from ? plan.NodesById[from].Index : -1));
        foreach (var item in rest)
        {
            execution.Scheduled.Enqueue(item);
        }
        execution.Status = WorkflowStatus.Running;
        return Continue(execution, new ActivityContext(execution, time, logger, cancellationToken));

        async ValueTask<bool> Continue(WorkflowExecution execution, ActivityContext context)
        {
            await RunAsync(execution, context);
            return true;
        }
    }

    /// <summary>Stops the instance for good: nothing scheduled runs and no bookmark resumes it.</summary>
    public void Cancel(WorkflowExecution execution)
    {
        if (execution.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled)
        {
            return;
        }
        execution.Scheduled.Clear();
        execution.Bookmarks.Clear();
        execution.Status = WorkflowStatus.Cancelled;
    }

    private async ValueTask RunAsync(WorkflowExecution execution, ActivityContext context)
    {
        var scheduled = execution.Scheduled;
        while (scheduled.TryDequeue(out var item))
        {
            var node = execution.Plan.Nodes[item.Node];
            context.Reset(node, item.From);
            Journal(execution, node, JournalEntryKind.Started, null, null);
            try
            {
                var pending = node.Activity.ExecuteAsync(context);
                if (!pending.IsCompletedSuccessfully)
                {
                    await pending;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                Fault(execution, node, item.From, e);
                return;
            }
            AfterActivity(execution, context);
        }
        if (execution.Status == WorkflowStatus.Running)
        {
            execution.Incident = null;
            execution.Status = execution.Bookmarks.Count > 0 ? WorkflowStatus.Suspended : WorkflowStatus.Finished;
        }
    }

    private void AfterActivity(WorkflowExecution execution, ActivityContext context)
    {
        var node = context.Node;
        if (context.SingleOutcome is { } outcome)
        {
            Journal(execution, node, JournalEntryKind.Completed, outcome, null);
            Schedule(execution, node, outcome);
        }
        else if (context.ManyOutcomes is { } outcomes)
        {
            Journal(execution, node, JournalEntryKind.Completed, context.OutcomeText, null);
            foreach (var each in outcomes)
            {
                Schedule(execution, node, each);
            }
        }
        else if (context.Suspended)
        {
            Journal(execution, node, JournalEntryKind.Suspended, null, null);
        }
        // Neither: the activity is waiting for more arrivals (a Join) and did not finish.
    }

    private static void Schedule(WorkflowExecution execution, PlanNode node, string outcome)
    {
        foreach (var target in node.TargetsOf(outcome))
        {
            execution.Scheduled.Enqueue(new WorkItem(target, node.Index));
        }
    }

    private void Fault(WorkflowExecution execution, PlanNode node, int from, Exception error)
    {
        var attempts = execution.Incident?.ActivityId == node.Id ? execution.Incident.Attempts + 1 : 1;
        Journal(execution, node, JournalEntryKind.Faulted, null, error.Message);
        execution.Incident = new Incident(node.Id, from < 0 ? null : execution.Plan.Nodes[from].Id, error.Message, attempts, time.GetUtcNow());
        execution.Status = WorkflowStatus.Faulted;
        logger.LogWarning(error, "Workflow instance {InstanceId} faulted in activity {ActivityId} ({ActivityType}), attempt {Attempt}",
            execution.InstanceId, node.Id, node.Type, attempts);
    }

    private void Journal(WorkflowExecution execution, PlanNode node, JournalEntryKind kind, string? outcome, string? message) =>
        execution.Journal.Add(new JournalEntry(time.GetUtcNow(), node.Id, node.Type, kind, outcome, message));
}
