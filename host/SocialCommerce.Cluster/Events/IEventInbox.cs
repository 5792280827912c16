namespace SocialCommerce.Cluster;

/// <summary>Remembers which events a subscriber has handled, so that a redelivered event is skipped.</summary>
public interface IEventInbox
{
    /// <summary>True the first time this subscriber claims this event; false if it already had it.</summary>
    Task<bool> TryMarkHandledAsync(string subscriber, Guid eventId, CancellationToken cancellationToken);

    /// <summary>Forgets a claim whose handling failed, so that the next delivery handles it.</summary>
    Task UnmarkAsync(string subscriber, Guid eventId, CancellationToken cancellationToken);
}
