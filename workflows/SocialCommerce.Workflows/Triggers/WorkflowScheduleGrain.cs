using System.Globalization;
using SocialCommerce.Cluster;
using SocialCommerce.Workflows.Activities.Timers;
using SocialCommerce.Workflows.Runtime;

namespace SocialCommerce.Workflows.Triggers;

[GrainType("workflowSchedule")]
internal sealed class WorkflowScheduleGrain(IGrainState<WorkflowScheduleState> state, IWorkflowRuntime runtime, TimeProvider time) : IWorkflowScheduleGrain
{
    private const string Prefix = "trigger:";

    private string DefinitionId => state.Id.Key;

    public async Task ScheduleAsync(int version, IReadOnlyList<PublishedTrigger> triggers, CancellationToken cancellationToken = default)
    {
        if (version < state.State.Version)
        {
            return; // a late redelivery of an older publish
        }
        var now = time.GetUtcNow();
        var scheduled = triggers.Where(t => t.Type is nameof(CronTrigger) or nameof(Activities.Timers.Timer))
            .ToDictionary(t => t.ActivityId, t => new ScheduledTrigger(t.Type, Setting(t)));
        foreach (var gone in state.State.Triggers.Keys.Except(scheduled.Keys))
        {
            state.ClearReminder(Prefix + gone);
        }
        foreach (var (activityId, trigger) in scheduled)
        {
            var due = state.State.Triggers.TryGetValue(activityId, out var existing) && existing.Type == trigger.Type && existing.Setting == trigger.Setting
                ? existing.NextDue
                : NextDue(trigger, now);
            scheduled[activityId] = trigger with { NextDue = due };
            state.SetReminder(Prefix + activityId, due);
        }
        state.State.Version = version;
        state.State.Triggers = scheduled;
        await state.WriteAsync(cancellationToken);
    }

    public async Task UnscheduleAsync(CancellationToken cancellationToken = default)
    {
        foreach (var activityId in state.State.Triggers.Keys)
        {
            state.ClearReminder(Prefix + activityId);
        }
        state.State.Triggers = [];
        await state.WriteAsync(cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> GetNextDueAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, DateTimeOffset>>(state.State.Triggers.ToDictionary(t => t.Key, t => t.Value.NextDue));

    public async Task ReceiveReminderAsync(string reminderName, CancellationToken cancellationToken = default)
    {
        var activityId = reminderName[Prefix.Length..];
        if (!state.State.Triggers.TryGetValue(activityId, out var trigger))
        {
            return;
        }
        // Starting is idempotent by instance id, so a turn re-run after a conflict starts nothing twice.
        await runtime.StartAsync(new StartWorkflowRequest(DefinitionId,
            $"{DefinitionId}.{activityId}.{trigger.NextDue.UtcDateTime.ToString("yyyyMMddTHHmmss", CultureInfo.InvariantCulture)}",
            TriggerActivityId: activityId), cancellationToken);
        var next = trigger with { NextDue = NextDue(trigger, time.GetUtcNow()) };
        state.State.Triggers[activityId] = next;
        state.SetReminder(reminderName, next.NextDue);
        await state.WriteAsync(cancellationToken);
    }

    private static string Setting(PublishedTrigger trigger) =>
        trigger.Settings.GetValueOrDefault("expression") ?? trigger.Settings.GetValueOrDefault("interval") ?? "";

    private static DateTimeOffset NextDue(ScheduledTrigger trigger, DateTimeOffset now) => trigger.Type == nameof(CronTrigger)
        ? CronSchedule.Parse(trigger.Setting).NextAfter(now)
        : now + TimeSpan.Parse(trigger.Setting, CultureInfo.InvariantCulture);
}

internal sealed class WorkflowScheduleState
{
    public int Version { get; set; }

    public Dictionary<string, ScheduledTrigger> Triggers { get; set; } = [];
}

internal sealed record ScheduledTrigger(string Type, string Setting, DateTimeOffset NextDue = default);
