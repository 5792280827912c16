using System.Data.Common;
using System.Text;
using SocialCommerce.Cluster.Storage;

namespace SocialCommerce.Cluster.Persistence;

/// <summary>SQL for grain rows: read one, and commit a batch of turns in one transaction (group commit).</summary>
internal sealed class GrainStore(IDatabase database)
{
    // PostgreSQL caps a statement at 65,535 parameters; 6 per event row.
    private const int EventsPerInsert = 1000;

    public async Task<StoredGrain?> ReadAsync(GrainId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection
            .CreateCommand("SELECT version, payload FROM grain_state WHERE grain_type = @type AND grain_key = @key")
            .With("@type", id.Type).With("@key", id.Key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new StoredGrain(reader.GetInt64(0), reader.GetString(1));
    }

    /// <summary>
    /// Commits every turn of the batch that still holds: a turn whose version check (or fired reminder) fails
    /// changes nothing and gets its outcome, the others commit together. Outcomes are returned in batch order.
    /// </summary>
    public async Task<CommitOutcome[]> CommitBatchAsync(DbConnection connection, IReadOnlyList<TurnCommit> batch, long now,
        CancellationToken cancellationToken)
    {
        var outcomes = new CommitOutcome[batch.Count];
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var committedEvents = new List<(TurnCommit Turn, PendingEvent Event)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var turn = batch[i];
            outcomes[i] = await CommitTurnAsync(connection, transaction, turn, now, cancellationToken);
            if (outcomes[i] == CommitOutcome.Committed)
            {
                committedEvents.AddRange(turn.Events.Select(e => (turn, e)));
            }
        }
        for (var start = 0; start < committedEvents.Count; start += EventsPerInsert)
        {
            await InsertEventsAsync(connection, transaction,
                committedEvents.GetRange(start, Math.Min(EventsPerInsert, committedEvents.Count - start)), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    private static async Task<CommitOutcome> CommitTurnAsync(DbConnection connection, DbTransaction transaction, TurnCommit turn,
        long now, CancellationToken cancellationToken)
    {
        // Only a reminder turn has two checks that can fail; a savepoint undoes the first when the second fails.
        var savepoint = turn.Fired is not null;
        if (savepoint)
        {
            await connection.ExecuteAsync("SAVEPOINT turn", cancellationToken, transaction);
            if (!await CompleteFiredReminderAsync(connection, transaction, turn.Id, turn.Fired!, now, cancellationToken))
            {
                await connection.ExecuteAsync("ROLLBACK TO SAVEPOINT turn", cancellationToken, transaction);
                await connection.ExecuteAsync("RELEASE SAVEPOINT turn", cancellationToken, transaction);
                return CommitOutcome.ReminderAlreadyHandled;
            }
        }

        if (!await WriteStateAsync(connection, transaction, turn, now, cancellationToken))
        {
            if (savepoint)
            {
                await connection.ExecuteAsync("ROLLBACK TO SAVEPOINT turn", cancellationToken, transaction);
                await connection.ExecuteAsync("RELEASE SAVEPOINT turn", cancellationToken, transaction);
            }
            return CommitOutcome.VersionConflict;
        }

        foreach (var change in turn.ReminderChanges)
        {
            await ApplyReminderChangeAsync(connection, transaction, turn.Id, change, cancellationToken);
        }
        if (savepoint)
        {
            await connection.ExecuteAsync("RELEASE SAVEPOINT turn", cancellationToken, transaction);
        }
        return CommitOutcome.Committed;
    }

    private static async Task<bool> WriteStateAsync(DbConnection connection, DbTransaction transaction, TurnCommit turn, long now,
        CancellationToken cancellationToken)
    {
        var rows = turn.ExpectedVersion == 0
            ? await connection.ExecuteAsync(
                "INSERT INTO grain_state (grain_type, grain_key, version, payload, updated_at) VALUES (@type, @key, 1, @payload, @now) " +
                "ON CONFLICT (grain_type, grain_key) DO NOTHING",
                cancellationToken, transaction, ("@type", turn.Id.Type), ("@key", turn.Id.Key), ("@payload", turn.Payload), ("@now", now))
            : await connection.ExecuteAsync(
                "UPDATE grain_state SET version = version + 1, payload = @payload, updated_at = @now " +
                "WHERE grain_type = @type AND grain_key = @key AND version = @expected",
                cancellationToken, transaction, ("@type", turn.Id.Type), ("@key", turn.Id.Key), ("@payload", turn.Payload), ("@now", now),
                ("@expected", turn.ExpectedVersion));
        return rows == 1;
    }

    private static async Task<bool> CompleteFiredReminderAsync(DbConnection connection, DbTransaction transaction, GrainId id,
        FiredReminder fired, long now, CancellationToken cancellationToken)
    {
        var rows = fired.PeriodMs is { } period
            ? await connection.ExecuteAsync(
                "UPDATE reminders SET due_at = @next, lease_until = 0 WHERE grain_type = @type AND grain_key = @key AND name = @name AND due_at = @due",
                cancellationToken, transaction,
                ("@next", ReminderSchedule.NextDue(fired.DueAt, period, now)), ("@type", id.Type), ("@key", id.Key),
                ("@name", fired.Name), ("@due", fired.DueAt))
            : await connection.ExecuteAsync(
                "DELETE FROM reminders WHERE grain_type = @type AND grain_key = @key AND name = @name AND due_at = @due",
                cancellationToken, transaction,
                ("@type", id.Type), ("@key", id.Key), ("@name", fired.Name), ("@due", fired.DueAt));
        return rows == 1;
    }

    private static Task ApplyReminderChangeAsync(DbConnection connection, DbTransaction transaction, GrainId id, ReminderChange change,
        CancellationToken cancellationToken) =>
        change.DueAt is { } dueAt
            ? connection.ExecuteAsync(
                "INSERT INTO reminders (grain_type, grain_key, name, due_at, period_ms, lease_until) VALUES (@type, @key, @name, @due, @period, 0) " +
                "ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET due_at = excluded.due_at, period_ms = excluded.period_ms, lease_until = 0",
                cancellationToken, transaction,
                ("@type", id.Type), ("@key", id.Key), ("@name", change.Name), ("@due", dueAt), ("@period", change.PeriodMs))
            : connection.ExecuteAsync(
                "DELETE FROM reminders WHERE grain_type = @type AND grain_key = @key AND name = @name",
                cancellationToken, transaction, ("@type", id.Type), ("@key", id.Key), ("@name", change.Name));

    private static async Task InsertEventsAsync(DbConnection connection, DbTransaction transaction,
        List<(TurnCommit Turn, PendingEvent Event)> events, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("INSERT INTO outbox (event_id, grain_type, grain_key, event_type, payload, occurred_at) VALUES ");
        await using var command = connection.CreateCommand("", transaction);
        for (var i = 0; i < events.Count; i++)
        {
            var (turn, e) = events[i];
            sql.Append(i == 0 ? "" : ", ").Append($"(@i{i}, @t{i}, @k{i}, @e{i}, @p{i}, @o{i})");
            command.With($"@i{i}", e.EventId.ToString()).With($"@t{i}", turn.Id.Type).With($"@k{i}", turn.Id.Key)
                .With($"@e{i}", e.EventType).With($"@p{i}", e.Payload).With($"@o{i}", e.OccurredAt);
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
