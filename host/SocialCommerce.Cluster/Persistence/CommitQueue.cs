using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Cluster.Outbox;
using SocialCommerce.Cluster.Storage;

namespace SocialCommerce.Cluster.Persistence;

/// <summary>
/// Group commit: turns of different grains that finish while a commit is in flight are written together in the
/// next transaction. A commit per turn would cap throughput at the disk's fsync rate; this caps it at the
/// batch size times that rate. Each turn still learns its own outcome.
/// </summary>
internal sealed class CommitQueue : IAsyncDisposable
{
    private readonly Channel<TurnCommit> _pending = Channel.CreateUnbounded<TurnCommit>(new UnboundedChannelOptions { SingleReader = false });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _writers;
    private readonly IDatabase _database;
    private readonly GrainStore _store;
    private readonly OutboxSignal _outboxSignal;
    private readonly TimeProvider _time;
    private readonly ILogger<CommitQueue> _logger;
    private readonly int _maxBatch;

    public CommitQueue(IDatabase database, GrainStore store, OutboxSignal outboxSignal, TimeProvider time, IOptions<ClusterOptions> options,
        ILogger<CommitQueue> logger)
    {
        _database = database;
        _store = store;
        _outboxSignal = outboxSignal;
        _time = time;
        _logger = logger;
        _maxBatch = options.Value.GroupCommit ? Math.Max(1, options.Value.MaxCommitBatch) : 1;
        var writers = options.Value.CommitWriters > 0
            ? options.Value.CommitWriters
            : database.Provider == DatabaseProvider.Sqlite ? 1 : 4; // SQLite has one writer anyway
        _writers = Enumerable.Range(0, writers).Select(_ => Task.Run(() => WriteLoopAsync(_stopping.Token))).ToArray();
    }

    public Task<CommitOutcome> CommitAsync(TurnCommit turn)
    {
        if (!_pending.Writer.TryWrite(turn))
        {
            throw new ObjectDisposedException(nameof(CommitQueue), "The grain runtime is shutting down; the turn was not committed.");
        }
        return turn.Completion.Task;
    }

    private async Task WriteLoopAsync(CancellationToken stopping)
    {
        DbConnection? connection = null;
        var batch = new List<TurnCommit>(_maxBatch);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stopping))
            {
                batch.Clear();
                while (batch.Count < _maxBatch && _pending.Reader.TryRead(out var turn))
                {
                    batch.Add(turn);
                }
                if (batch.Count == 0)
                {
                    continue;
                }
                // Every writer (of this node and the others) locks grain rows in the same order, so that two group
                // commits touching the same grains wait for each other instead of deadlocking.
                batch.Sort(static (a, b) => a.Id.Type != b.Id.Type
                    ? string.CompareOrdinal(a.Id.Type, b.Id.Type)
                    : string.CompareOrdinal(a.Id.Key, b.Id.Key));
                try
                {
                    CommitOutcome[] outcomes;
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            connection ??= await _database.OpenConnectionAsync(stopping);
                            outcomes = await _store.CommitBatchAsync(connection, batch, _time.GetUtcNow().ToUnixTimeMilliseconds(), stopping);
                            break;
                        }
                        catch (DbException ex) when (attempt < 5 && TransientErrors.IsTransient(ex))
                        {
                            _logger.LogWarning("Group commit hit a transient database error ({Error}); retrying", ex.Message);
                        }
                    }
                    var anyEvents = false;
                    for (var i = 0; i < batch.Count; i++)
                    {
                        anyEvents |= outcomes[i] == CommitOutcome.Committed && batch[i].Events.Count > 0;
                        batch[i].Completion.TrySetResult(outcomes[i]);
                    }
                    if (anyEvents)
                    {
                        _outboxSignal.Notify();
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    // The transaction rolled back as a whole: no turn of the batch is committed, each caller sees the error.
                    _logger.LogError(ex, "Group commit of {TurnCount} turns failed", batch.Count);
                    foreach (var turn in batch)
                    {
                        turn.Completion.TrySetException(ex);
                    }
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var turn in batch)
            {
                turn.Completion.TrySetCanceled(CancellationToken.None);
            }
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        // Let queued turns commit before the writers stop; a turn already queued was promised a result.
        await Task.WhenAll(_writers).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _stopping.Cancel();
        while (_pending.Reader.TryRead(out var turn))
        {
            turn.Completion.TrySetCanceled(CancellationToken.None);
        }
        _stopping.Dispose();
    }
}
