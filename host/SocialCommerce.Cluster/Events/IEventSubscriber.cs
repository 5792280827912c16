namespace SocialCommerce.Cluster;

/// <summary>
/// Receives every event the outbox dispatcher delivers. Delivery is at-least-once: after a crash an event can
/// arrive again, so a subscriber must be idempotent by <see cref="OutboxEvent.EventId"/> (see <see cref="IEventInbox"/>).
/// Throwing leaves the event in the outbox to be delivered again with backoff.
/// </summary>
public interface IEventSubscriber
{
    /// <summary>Stable name; used as the inbox key for idempotency.</summary>
    string Name { get; }

    Task HandleAsync(OutboxEvent domainEvent, CancellationToken cancellationToken);
}
