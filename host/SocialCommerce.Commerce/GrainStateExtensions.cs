using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce;

internal static class GrainStateExtensions
{
    /// <summary>
    /// Emits the events a domain rule produced and commits them with the state. No events means the request was
    /// a repeat (an idempotent no-op), so nothing is written.
    /// </summary>
    public static async Task CommitAsync<TState>(this IGrainState<TState> state, IReadOnlyList<object> events, CancellationToken cancellationToken)
        where TState : class, new()
    {
        if (events.Count == 0)
        {
            return;
        }

        foreach (var domainEvent in events)
        {
            state.Emit(domainEvent);
        }

        await state.WriteAsync(cancellationToken);
    }
}
