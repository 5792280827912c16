using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace SocialCommerce.Workflows.Webhooks;

/// <summary>
/// Writes the log entries of refused deliveries, the ones arriving together in one transaction. A flood of bad
/// requests (wrong secret, over the rate limit) would otherwise cost one commit each — on SQLite each one taking the
/// single write lock from the group commit that stores good deliveries. Every caller still waits for its entry to
/// be committed before the sender gets its answer.
/// </summary>
public sealed class RefusalLogWriter : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private readonly Channel<(WebhookLogEntry Entry, TaskCompletionSource Written)> _pending =
        Channel.CreateUnbounded<(WebhookLogEntry, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly WebhookDeliveryLog _log;
    private readonly ILogger<RefusalLogWriter> _logger;
    private readonly Task _writer;

    public RefusalLogWriter(WebhookDeliveryLog log, ILogger<RefusalLogWriter> logger)
    {
        _log = log;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    public Task WriteAsync(WebhookLogEntry entry)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite((entry, written)))
        {
            throw new ObjectDisposedException(nameof(RefusalLogWriter), "The host is shutting down; the refusal was not logged.");
        }
        return written.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<(WebhookLogEntry Entry, TaskCompletionSource Written)>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            try
            {
                await _log.RecordDispatchesAsync(batch.Select(b => b.Entry).ToList(), CancellationToken.None);
                batch.ForEach(b => b.Written.TrySetResult());
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Could not log {Count} refused webhook deliveries", batch.Count);
                batch.ForEach(b => b.Written.TrySetException(ex));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer;
    }
}
