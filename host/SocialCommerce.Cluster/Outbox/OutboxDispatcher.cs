using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Cluster.Storage;

namespace SocialCommerce.Cluster.Outbox;

/// <summary>
/// Hands committed events to every <see cref="IEventSubscriber"/>, in outbox order, at least once: an event is marked
/// dispatched only after all subscribers took it; one that throws leaves it for a retry with backoff. Events left
/// by a crash (committed, never dispatched) are picked up on the next pass, by this node or another.
/// <see cref="IConcurrentEventSubscriber"/>s get the events of different sources in parallel (in order per source).
/// </summary>
public sealed class OutboxDispatcher
{
    private const int ClaimBatch = 256;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);
    private readonly IDatabase _database;
    private readonly IReadOnlyList<IEventSubscriber> _subscribers;
    private readonly IReadOnlyList<IEventSubscriber> _ordered;
    private readonly IReadOnlyList<IEventSubscriber> _concurrent;
    private readonly OutboxSignal _signal;
    private readonly TimeProvider _time;
    private readonly ClusterOptions _options;
    private readonly ILogger<OutboxDispatcher> _logger;

    internal OutboxDispatcher(IDatabase database, IEnumerable<IEventSubscriber> subscribers, OutboxSignal signal, TimeProvider time,
        IOptions<ClusterOptions> options, ILogger<OutboxDispatcher> logger)
    {
        _database = database;
        _subscribers = subscribers.ToList();
        _ordered = _subscribers.Where(s => s is not IConcurrentEventSubscriber).ToList();
        _concurrent = _subscribers.Where(s => s is IConcurrentEventSubscriber).ToList();
        _signal = signal;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Dispatches everything pending now; returns how many events were handed to the subscribers.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            var batch = await ClaimAsync(cancellationToken);
            var failures = new Failures(this);
            await Task.WhenAll(DeliverInOrderAsync(batch, failures, cancellationToken), DeliverConcurrentlyAsync(batch, failures, cancellationToken));
            var delivered = batch.Where(e => !failures.Contains(e.Sequence)).Select(e => e.Sequence).ToList();
            if (!await FlushBatchingSubscribersAsync(batch.Count, cancellationToken))
            {
                delivered.Clear(); // their deferred work is not durable: deliver the whole batch again
            }
            await MarkDispatchedAsync(delivered, cancellationToken);
            total += delivered.Count;
            if (batch.Count < ClaimBatch)
            {
                return total;
            }
        }
    }

    internal Task RunAsync(CancellationToken stopping) =>
        PollingLoop.RunAsync(DispatchPendingAsync, cancellationToken => _signal.WaitAsync(_options.OutboxPollInterval, cancellationToken), _logger, "Outbox dispatch", stopping);

    private async Task<List<OutboxEvent>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        // PostgreSQL may have several nodes dispatching: each claims its events with a lease, skipping rows another
        // node has locked. SQLite is one node, so a plain read serves and spares the single writer a transaction.
        var sql = _database.Provider == DatabaseProvider.Postgres
            ? $"""
              UPDATE outbox SET lease_until = @until
              WHERE sequence IN (
                  SELECT sequence FROM outbox
                  WHERE dispatched_at IS NULL AND next_attempt_at <= @now AND lease_until < @now
                  ORDER BY sequence LIMIT {ClaimBatch} FOR UPDATE SKIP LOCKED)
              RETURNING sequence, event_id, grain_type, grain_key, event_type, payload, occurred_at
              """
            : $"""
              SELECT sequence, event_id, grain_type, grain_key, event_type, payload, occurred_at FROM outbox
              WHERE dispatched_at IS NULL AND next_attempt_at <= @now
              ORDER BY sequence LIMIT {ClaimBatch}
              """;
        await using var command = connection.CreateCommand(sql)
            .With("@until", now + (long)_options.LeaseDuration.TotalMilliseconds).With("@now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<OutboxEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new OutboxEvent(reader.GetInt64(0), Guid.Parse(reader.GetString(1)),
                new GrainId(reader.GetString(2), reader.GetString(3)), reader.GetString(4), reader.GetString(5),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
        }
        // RETURNING does not promise an order; subscribers get events in the order they were committed.
        events.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return events;
    }

    private async Task DeliverInOrderAsync(List<OutboxEvent> batch, Failures failures, CancellationToken cancellationToken)
    {
        if (_ordered.Count == 0)
        {
            return;
        }
        foreach (var domainEvent in batch)
        {
            await DeliverAsync(domainEvent, _ordered, failures, cancellationToken);
        }
    }

    /// <summary>One lane per source grain, so a grain's events keep their order while different grains' overlap.</summary>
    private Task DeliverConcurrentlyAsync(List<OutboxEvent> batch, Failures failures, CancellationToken cancellationToken)
    {
        if (_concurrent.Count == 0)
        {
            return Task.CompletedTask;
        }
        var lanes = batch.GroupBy(e => e.Source);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.DispatchConcurrency), CancellationToken = cancellationToken };
        return Parallel.ForEachAsync(lanes, parallel, async (lane, token) =>
        {
            foreach (var domainEvent in lane)
            {
                await DeliverAsync(domainEvent, _concurrent, failures, token);
            }
        });
    }

    private static async Task DeliverAsync(OutboxEvent domainEvent, IReadOnlyList<IEventSubscriber> subscribers, Failures failures,
        CancellationToken cancellationToken)
    {
        foreach (var subscriber in subscribers)
        {
            try
            {
                await subscriber.HandleAsync(domainEvent, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await failures.AddAsync(domainEvent, subscriber, ex, cancellationToken);
                return;
            }
        }
    }

    private async Task<bool> FlushBatchingSubscribersAsync(int batchSize, CancellationToken cancellationToken)
    {
        var flushed = true;
        foreach (var subscriber in _subscribers.OfType<IBatchingEventSubscriber>())
        {
            try
            {
                await subscriber.FlushAsync(cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(ex, "Subscriber {Subscriber} failed to flush a batch of {BatchSize} events; the batch is delivered again",
                    subscriber.Name, batchSize);
                flushed = false;
            }
        }
        return flushed;
    }

    private async Task ScheduleRetryAsync(OutboxEvent domainEvent, IEventSubscriber subscriber, Exception error,
        CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            "UPDATE outbox SET attempts = attempts + 1, lease_until = 0, last_error = @error, next_attempt_at = @now + " +
            "(CASE WHEN attempts >= 16 THEN @max ELSE 1000 * (1 << attempts) END) WHERE sequence = @sequence RETURNING attempts")
            .With("@error", $"{subscriber.Name}: {error.Message}")
            .With("@now", _time.GetUtcNow().ToUnixTimeMilliseconds())
            .With("@max", (long)MaxBackoff.TotalMilliseconds)
            .With("@sequence", domainEvent.Sequence);
        var attempts = await command.ExecuteScalarAsync(cancellationToken);
        _logger.LogWarning(error, "Subscriber {Subscriber} failed on {EventType} {EventId} (attempt {Attempt}); it is retried with backoff",
            subscriber.Name, domainEvent.EventType, domainEvent.EventId, attempts);
    }

    private async Task MarkDispatchedAsync(List<long> sequences, CancellationToken cancellationToken)
    {
        if (sequences.Count == 0)
        {
            return;
        }
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand("");
        command.With("@now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        var names = new string[sequences.Count];
        for (var i = 0; i < sequences.Count; i++)
        {
            names[i] = $"@s{i}";
            command.With(names[i], sequences[i]);
        }
        command.CommandText = $"UPDATE outbox SET dispatched_at = @now, lease_until = 0 WHERE sequence IN ({string.Join(", ", names)})";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The events of a pass that some subscriber refused; each is scheduled for a retry once.</summary>
    private sealed class Failures(OutboxDispatcher dispatcher)
    {
        private readonly HashSet<long> _sequences = [];

        public bool Contains(long sequence)
        {
            lock (_sequences)
            {
                return _sequences.Contains(sequence);
            }
        }

        public async Task AddAsync(OutboxEvent domainEvent, IEventSubscriber subscriber, Exception error, CancellationToken cancellationToken)
        {
            lock (_sequences)
            {
                if (!_sequences.Add(domainEvent.Sequence))
                {
                    return;
                }
            }
            await dispatcher.ScheduleRetryAsync(domainEvent, subscriber, error, cancellationToken);
        }
    }
}
