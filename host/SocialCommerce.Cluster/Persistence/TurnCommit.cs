namespace SocialCommerce.Cluster.Persistence;

/// <summary>Everything one turn commits together: the new state, its events and its reminder changes.</summary>
internal sealed class TurnCommit(GrainId id, long expectedVersion, string payload)
{
    public GrainId Id { get; } = id;

    /// <summary>Version the turn read; 0 inserts the grain's first row.</summary>
    public long ExpectedVersion { get; } = expectedVersion;

    public string Payload { get; } = payload;

    public List<PendingEvent> Events { get; } = [];

    public List<ReminderChange> ReminderChanges { get; } = [];

    /// <summary>The reminder this turn is firing; the commit only succeeds if nobody else fired it first.</summary>
    public FiredReminder? Fired { get; init; }

    public TaskCompletionSource<CommitOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

internal sealed record PendingEvent(Guid EventId, string EventType, string Payload, long OccurredAt);

/// <summary>Sets a reminder (<see cref="DueAt"/> given) or clears it (<see cref="DueAt"/> null).</summary>
internal sealed record ReminderChange(string Name, long? DueAt, long? PeriodMs);

internal sealed record FiredReminder(string Name, long DueAt, long? PeriodMs);

internal enum CommitOutcome
{
    Committed,

    /// <summary>Another writer changed the grain since the turn read it: reload and run the turn again.</summary>
    VersionConflict,

    /// <summary>Another node already fired this reminder: the turn is discarded.</summary>
    ReminderAlreadyHandled,
}
