namespace SocialCommerce.Cluster;

/// <summary>
/// A subscriber that defers part of its work across the events of one dispatch pass — typically the rows they
/// produce, written in one transaction instead of one transaction each (on SQLite a second writer per event
/// contends with group commit for the single write lock). The dispatcher calls <see cref="FlushAsync"/> after
/// handing it a claimed batch and before marking that batch dispatched, so deferred work is durable before its
/// events count as delivered; if the flush throws, none of the batch is marked and it is delivered again.
/// </summary>
public interface IBatchingEventSubscriber : IEventSubscriber
{
    Task FlushAsync(CancellationToken cancellationToken);
}
