namespace SocialCommerce.Cluster;

/// <summary>
/// A subscriber that may be handed events of different sources (grains) at the same time; events of one source still
/// arrive one after another, in outbox order. Mark a subscriber so when each event makes it wait on something slow —
/// a grain turn that commits, an HTTP call — and nothing in it depends on the order of events across grains: the
/// dispatcher then keeps many such waits in flight, and the grain runtime's group commit batches their writes,
/// instead of paying one commit's latency per event.
/// </summary>
public interface IConcurrentEventSubscriber : IEventSubscriber;
