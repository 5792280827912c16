using SocialCommerce.Cluster.Storage;

namespace SocialCommerce.Cluster.Outbox;

/// <summary>The <c>event_inbox</c> table: one row per (subscriber, event) handled.</summary>
internal sealed class EventInbox(IDatabase database, TimeProvider time) : IEventInbox
{
    public async Task<bool> TryMarkHandledAsync(string subscriber, Guid eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(
            "INSERT INTO event_inbox (subscriber, event_id, handled_at) VALUES (@subscriber, @event, @now) " +
            "ON CONFLICT (subscriber, event_id) DO NOTHING",
            cancellationToken, null,
            ("@subscriber", subscriber), ("@event", eventId.ToString()), ("@now", time.GetUtcNow().ToUnixTimeMilliseconds()));
        return rows == 1;
    }

    public async Task UnmarkAsync(string subscriber, Guid eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM event_inbox WHERE subscriber = @subscriber AND event_id = @event",
            cancellationToken, null, ("@subscriber", subscriber), ("@event", eventId.ToString()));
    }
}
