using System.Text.Json;

namespace SocialCommerce.Cluster;

/// <summary>One event as stored in the outbox and handed to subscribers.</summary>
public sealed record OutboxEvent(
    long Sequence,
    Guid EventId,
    GrainId Source,
    string EventType,
    string Payload,
    DateTimeOffset OccurredAt)
{
    public T Read<T>() => JsonSerializer.Deserialize<T>(Payload, ClusterJson.Options)
        ?? throw new InvalidOperationException($"Event {EventId} ({EventType}) has an empty payload.");
}
