using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialCommerce.Cluster.Grains;
using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Cluster.Persistence;
using SocialCommerce.Cluster.Storage;

namespace SocialCommerce.Cluster.Reminders;

/// <summary>
/// Fires due reminders as turns. Any node may claim a due reminder (a lease; on PostgreSQL with
/// <c>FOR UPDATE SKIP LOCKED</c> so nodes never wait on each other); the firing commits together with the turn's
/// state, conditioned on the reminder still being due, so a reminder fired on two nodes commits once.
/// </summary>
public sealed class ReminderService : IDisposable
{
    private const int ClaimBatch = 256;
    private readonly IDatabase _database;
    private readonly GrainRuntime _runtime;
    private readonly TimeProvider _time;
    private readonly ClusterOptions _options;
    private readonly ILogger<ReminderService> _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly ITimer _wakeTimer;
    private readonly Lock _schedule = new();
    private long _nextWakeAt = long.MaxValue;

    internal ReminderService(IDatabase database, GrainRuntime runtime, TimeProvider time, IOptions<ClusterOptions> options,
        ILogger<ReminderService> logger)
    {
        _database = database;
        _runtime = runtime;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _wakeTimer = time.CreateTimer(_ => Wake(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        runtime.RemindersChanged += OnRemindersChanged;
    }

    /// <summary>Claims and fires every reminder due now; returns how many fired. Tests under a fake clock call this directly.</summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            var due = await ClaimDueAsync(cancellationToken);
            await Task.WhenAll(due.Select(r => FireAsync(r, cancellationToken)));
            total += due.Count;
            if (due.Count < ClaimBatch)
            {
                return total;
            }
        }
    }

    internal Task RunAsync(CancellationToken stopping) =>
        PollingLoop.RunAsync(FireDueAsync, cancellationToken => _wake.WaitAsync(_options.ReminderPollInterval, cancellationToken), _logger, "Firing due reminders", stopping);

    private async Task<List<DueReminder>> ClaimDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var skipLocked = _database.Provider == DatabaseProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "";
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand($"""
            UPDATE reminders SET lease_until = @until
            WHERE (grain_type, grain_key, name) IN (
                SELECT grain_type, grain_key, name FROM reminders
                WHERE due_at <= @now AND lease_until < @now
                ORDER BY due_at LIMIT {ClaimBatch} {skipLocked})
            RETURNING grain_type, grain_key, name, due_at, period_ms
            """).With("@until", now + (long)_options.LeaseDuration.TotalMilliseconds).With("@now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<DueReminder>();
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new DueReminder(new GrainId(reader.GetString(0), reader.GetString(1)),
                new FiredReminder(reader.GetString(2), reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetInt64(4))));
        }
        return due;
    }

    private async Task FireAsync(DueReminder due, CancellationToken cancellationToken)
    {
        var registration = _runtime.FindByTypeName(due.Grain.Type);
        if (registration is null || !typeof(IRemindable).IsAssignableFrom(registration.Class))
        {
            _logger.LogError("Reminder {ReminderName} of {Grain} has no remindable grain class registered; it stays due",
                due.Fired.Name, due.Grain);
            return;
        }
        var reference = (GrainReference)_runtime.CreateReference(registration, due.Grain.Key);
        try
        {
            await _runtime.RunTurnAsync(reference, async instance =>
            {
                await ((IRemindable)instance).ReceiveReminderAsync(due.Fired.Name, cancellationToken);
                return default(NoResult);
            }, due.Fired, cancellationToken);
        }
        catch (ReminderAlreadyHandledException)
        {
            _logger.LogDebug("Reminder {ReminderName} of {Grain} was fired by another node", due.Fired.Name, due.Grain);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The firing did not commit; once the lease runs out the reminder is claimed and fired again.
            _logger.LogError(ex, "Reminder {ReminderName} of {Grain} failed; it fires again after {Lease}",
                due.Fired.Name, due.Grain, _options.LeaseDuration);
        }
    }

    private void OnRemindersChanged(GrainId grain, IReadOnlyList<ReminderChange> changes)
    {
        var earliest = changes.Where(c => c.DueAt is not null).Select(c => c.DueAt!.Value).DefaultIfEmpty(long.MaxValue).Min();
        if (earliest == long.MaxValue)
        {
            return;
        }
        lock (_schedule)
        {
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            if (earliest >= _nextWakeAt && _nextWakeAt > now)
            {
                return;
            }
            _nextWakeAt = earliest;
            _wakeTimer.Change(TimeSpan.FromMilliseconds(Math.Max(0, earliest - now)), Timeout.InfiniteTimeSpan);
        }
    }

    private void Wake()
    {
        lock (_schedule)
        {
            _nextWakeAt = long.MaxValue;
        }
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    public void Dispose()
    {
        _runtime.RemindersChanged -= OnRemindersChanged;
        _wakeTimer.Dispose();
    }

    private sealed record DueReminder(GrainId Grain, FiredReminder Fired);
}
