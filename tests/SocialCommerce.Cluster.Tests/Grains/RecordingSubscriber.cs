using System.Collections.Concurrent;

namespace SocialCommerce.Cluster.Tests.Grains;

/// <summary>Counts the events it handles, idempotent by event id through the inbox, as subscribers must be.</summary>
public sealed class RecordingSubscriber(IEventInbox inbox) : IEventSubscriber
{
    public ConcurrentDictionary<Guid, int> Handled { get; } = new();

    public string Name => "recording";

    public async Task HandleAsync(OutboxEvent domainEvent, CancellationToken cancellationToken)
    {
        if (await inbox.TryMarkHandledAsync(Name, domainEvent.EventId, cancellationToken))
        {
            Handled.AddOrUpdate(domainEvent.EventId, 1, (_, n) => n + 1);
        }
    }
}
