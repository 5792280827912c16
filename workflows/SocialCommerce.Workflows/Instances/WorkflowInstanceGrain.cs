using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialCommerce.Cluster;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Hosting;
using SocialCommerce.Workflows.Indexes;

namespace SocialCommerce.Workflows.Instances;

[GrainType("workflowInstance")]
internal sealed class WorkflowInstanceGrain(IGrainState<WorkflowInstanceState> state, WorkflowPlanCache plans, WorkflowExecutor executor,
    WorkflowIndex index, TimeProvider time, IOptions<WorkflowOptions> options, ILogger<WorkflowInstanceGrain> logger) : IWorkflowInstanceGrain
{
    private const string DuePrefix = "due:";
    private const string IncidentRetry = "incident-retry";

    private string Id => state.Id.Key;

    public async Task<InstanceStartResult> StartAsync(StartInstance start, CancellationToken cancellationToken = default)
    {
        if (state.Exists)
        {
            return new InstanceStartResult(View(), AlreadyStarted: true);
        }
        var plan = await plans.GetAsync(start.DefinitionId, start.Version, cancellationToken);
        var execution = new WorkflowExecution(plan, Id, start.Input, start.CorrelationId);
        await executor.StartAsync(execution, start.TriggerActivityId, cancellationToken);
        await CommitAsync(execution, previous: null, cancellationToken);
        return new InstanceStartResult(View(), AlreadyStarted: false);
    }

    public async Task<bool> ResumeAsync(InstanceStimulus stimulus, CancellationToken cancellationToken = default)
    {
        if (!state.Exists || state.State.Stimuli.Contains(stimulus.StimulusId))
        {
            return false;
        }
        var bookmark = state.State.Bookmarks.FirstOrDefault(b => stimulus.Token is { } token
            ? b.Token == token
            : b.Name == stimulus.BookmarkName && (b.CorrelationId is null || b.CorrelationId == stimulus.CorrelationId));
        if (bookmark is null)
        {
            return false;
        }
        var (execution, previous) = await RestoreAsync(cancellationToken);
        var resumed = await executor.ResumeAsync(execution, bookmark.Token, stimulus.Payload, dueTimeReached: false, cancellationToken);
        Remember(stimulus.StimulusId);
        await CommitAsync(execution, previous, cancellationToken);
        return resumed;
    }

    public async Task ReceiveReminderAsync(string reminderName, CancellationToken cancellationToken = default)
    {
        if (!state.Exists)
        {
            return;
        }
        var (execution, previous) = await RestoreAsync(cancellationToken);
        if (reminderName.StartsWith(DuePrefix, StringComparison.Ordinal))
        {
            var token = reminderName[DuePrefix.Length..];
            var resumed = await executor.ResumeAsync(execution, token, null, dueTimeReached: true, cancellationToken);
            if (!resumed && execution.Status == WorkflowStatus.Faulted && execution.Bookmarks.Any(b => b.Token == token))
            {
                // A timer that falls due while another branch is stopped on an incident fires again later, not never.
                state.SetReminder(reminderName, time.GetUtcNow() + options.Value.IncidentRetryDelay);
            }
        }
        else if (reminderName == IncidentRetry)
        {
            await executor.RetryAsync(execution, cancellationToken);
        }
        await CommitAsync(execution, previous, cancellationToken);
    }

    public async Task<WorkflowInstanceView?> RetryAsync(CancellationToken cancellationToken = default)
    {
        if (!state.Exists || state.State.Status != WorkflowStatus.Faulted)
        {
            return state.Exists ? View() : null;
        }
        var (execution, previous) = await RestoreAsync(cancellationToken);
        await executor.RetryAsync(execution, cancellationToken);
        await CommitAsync(execution, previous, cancellationToken);
        return View();
    }

    public async Task<WorkflowInstanceView?> CancelAsync(CancellationToken cancellationToken = default)
    {
        if (!state.Exists || state.State.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled)
        {
            return state.Exists ? View() : null;
        }
        var (execution, previous) = await RestoreAsync(cancellationToken);
        executor.Cancel(execution);
        await CommitAsync(execution, previous, cancellationToken);
        return View();
    }

    public Task<WorkflowInstanceView?> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(state.Exists ? View() : null);

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(int offset = 0, int limit = 1000, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(state.State.Journal.Skip(offset).Take(limit).ToList());

    private async Task<(WorkflowExecution Execution, Snapshot Previous)> RestoreAsync(CancellationToken cancellationToken)
    {
        var plan = await plans.GetAsync(state.State.DefinitionId, state.State.Version, cancellationToken);
        return (InstanceStateMapper.Restore(plan, Id, state.State), new Snapshot(state.State.Status, [.. state.State.Bookmarks]));
    }

    /// <summary>
    /// The one write of a turn: the instance's new state, reminders for bookmarks that fall due (and for an incident's
    /// automatic retry), the events for the lists, and whatever the activities emitted.
    /// </summary>
    private async Task CommitAsync(WorkflowExecution execution, Snapshot? previous, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        InstanceStateMapper.Capture(execution, state.State, now);
        var before = previous?.Bookmarks ?? [];
        var added = execution.Bookmarks.Where(b => !before.Any(p => p.Token == b.Token)).ToList();
        var removed = before.Where(p => !execution.Bookmarks.Any(b => b.Token == p.Token)).ToList();
        foreach (var bookmark in added.Where(b => b.DueAt is not null))
        {
            state.SetReminder(DuePrefix + bookmark.Token, bookmark.DueAt!.Value);
        }
        foreach (var bookmark in removed.Where(b => b.DueAt is not null))
        {
            state.ClearReminder(DuePrefix + bookmark.Token);
        }
        if (execution.Status == WorkflowStatus.Faulted && execution.Incident is { } incident && incident.Attempts < options.Value.IncidentMaxAttempts)
        {
            state.SetReminder(IncidentRetry, now + options.Value.IncidentRetryDelay * Math.Pow(2, incident.Attempts - 1));
        }
        else if (previous?.Status == WorkflowStatus.Faulted)
        {
            state.ClearReminder(IncidentRetry);
        }
        var addedKeys = added.Select(b => new BookmarkKey(b.Token, b.Name, b.CorrelationId)).ToList();
        var removedTokens = removed.Select(b => b.Token).ToList();
        state.Emit(new WorkflowInstanceChanged(Id, state.State.DefinitionId, state.State.Version, state.State.Status, state.State.CorrelationId,
            state.State.CreatedAt, now, state.Version + 1, addedKeys, removedTokens));
        foreach (var domainEvent in execution.Emitted)
        {
            state.Emit(domainEvent);
        }
        await state.WriteAsync(cancellationToken);
        if (addedKeys.Count > 0 || removedTokens.Count > 0)
        {
            await IndexBookmarksNowAsync(addedKeys, removedTokens, cancellationToken);
        }
    }

    /// <summary>
    /// Makes a new bookmark findable at once instead of after the next outbox pass, so a stimulus that follows closely
    /// finds the instance. Only waiting instances pay for it. If it fails, the outbox event applies the same change.
    /// </summary>
    private async Task IndexBookmarksNowAsync(List<BookmarkKey> added, List<string> removed, CancellationToken cancellationToken)
    {
        try
        {
            await index.ApplyBookmarksAsync(Id, added, removed, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Workflow instance {InstanceId}: bookmark index not updated now; the outbox will", Id);
        }
    }

    private void Remember(string stimulusId)
    {
        var stimuli = state.State.Stimuli;
        stimuli.Add(stimulusId);
        if (stimuli.Count > options.Value.RememberedStimuli)
        {
            stimuli.RemoveRange(0, stimuli.Count - options.Value.RememberedStimuli);
        }
    }

    private WorkflowInstanceView View()
    {
        var s = state.State;
        return new WorkflowInstanceView(Id, s.DefinitionId, s.Version, s.Status, s.CorrelationId, s.Variables, s.Output, s.Bookmarks, s.Incident,
            s.Journal.Count, s.CreatedAt, s.UpdatedAt);
    }

    private sealed record Snapshot(WorkflowStatus Status, List<Bookmark> Bookmarks);
}
