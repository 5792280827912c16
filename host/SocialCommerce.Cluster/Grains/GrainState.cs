using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using SocialCommerce.Cluster.Persistence;

namespace SocialCommerce.Cluster.Grains;

/// <summary>The runtime's side of <see cref="IGrainState{TState}"/>: what a turn buffers until it commits.</summary>
internal interface IGrainStateHolder
{
    bool IsLoaded { get; }

    Task LoadAsync(CancellationToken cancellationToken);

    void BeginTurn(FiredReminder? fired);

    /// <summary>Commits what the turn buffered but did not write itself (events, reminder changes, a fired reminder).</summary>
    Task EndTurnAsync(CancellationToken cancellationToken);

    /// <summary>Forgets the turn's buffered changes and the in-memory state, so the next turn starts from storage.</summary>
    void Discard();

    /// <summary>Called after a commit that set or cleared reminders.</summary>
    Action<IReadOnlyList<ReminderChange>>? RemindersChanged { get; set; }
}

internal sealed class GrainState<TState>(GrainId id, GrainStore store, CommitQueue commits, TimeProvider time)
    : IGrainState<TState>, IGrainStateHolder
    where TState : class, new()
{
    private static readonly ConcurrentDictionary<Type, string> EventNames = new();
    private readonly List<PendingEvent> _events = [];
    private readonly List<ReminderChange> _reminderChanges = [];
    private FiredReminder? _fired;

    public GrainId Id { get; } = id;

    public TState State { get; set; } = new();

    public long Version { get; private set; }

    public bool IsLoaded { get; private set; }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(Id, cancellationToken);
        State = stored is { } row ? JsonSerializer.Deserialize<TState>(row.Payload, ClusterJson.Options) ?? new TState() : new TState();
        Version = stored?.Version ?? 0;
        IsLoaded = true;
    }

    public void BeginTurn(FiredReminder? fired)
    {
        _events.Clear();
        _reminderChanges.Clear();
        _fired = fired;
    }

    public void Emit(object domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var type = domainEvent.GetType();
        var name = EventNames.GetOrAdd(type, t => t.GetCustomAttribute<EventNameAttribute>()?.Name ?? t.Name);
        _events.Add(new PendingEvent(Guid.CreateVersion7(), name, JsonSerializer.Serialize(domainEvent, type, ClusterJson.Options),
            time.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    public void SetReminder(string name, DateTimeOffset dueAt, TimeSpan? period = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (period is { } p && p < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(period), "A reminder period must be at least one millisecond.");
        }
        _reminderChanges.Add(new ReminderChange(name, dueAt.ToUnixTimeMilliseconds(), (long?)period?.TotalMilliseconds));
    }

    public void ClearReminder(string name) => _reminderChanges.Add(new ReminderChange(name, null, null));

    public async Task WriteAsync(CancellationToken cancellationToken = default)
    {
        var turn = new TurnCommit(Id, Version, JsonSerializer.Serialize(State, ClusterJson.Options)) { Fired = _fired };
        turn.Events.AddRange(_events);
        turn.ReminderChanges.AddRange(_reminderChanges);
        var outcome = await commits.CommitAsync(turn).WaitAsync(cancellationToken);
        switch (outcome)
        {
            case CommitOutcome.Committed:
                Version++;
                _events.Clear();
                _reminderChanges.Clear();
                _fired = null;
                if (turn.ReminderChanges.Count > 0)
                {
                    RemindersChanged?.Invoke(turn.ReminderChanges);
                }
                break;
            case CommitOutcome.VersionConflict:
                throw new TurnConflictException(Id);
            case CommitOutcome.ReminderAlreadyHandled:
                throw new ReminderAlreadyHandledException(Id, turn.Fired!.Name);
        }
    }

    public Action<IReadOnlyList<ReminderChange>>? RemindersChanged { get; set; }

    public Task EndTurnAsync(CancellationToken cancellationToken) =>
        _events.Count > 0 || _reminderChanges.Count > 0 || _fired is not null ? WriteAsync(cancellationToken) : Task.CompletedTask;

    public void Discard()
    {
        _events.Clear();
        _reminderChanges.Clear();
        _fired = null;
        IsLoaded = false;
    }
}
