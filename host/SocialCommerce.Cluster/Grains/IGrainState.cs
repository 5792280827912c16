namespace SocialCommerce.Cluster;

/// <summary>
/// What a grain class receives in its constructor to hold its durable state, in the shape of Orleans'
/// <c>IPersistentState&lt;T&gt;</c>. Everything a turn does — the new state, the events it emits and the
/// reminders it sets or clears — commits together in one transaction when the turn calls
/// <see cref="WriteAsync"/>, or at the end of the turn if it emitted events or changed reminders without writing.
/// </summary>
public interface IGrainState<TState> where TState : class, new()
{
    GrainId Id { get; }

    /// <summary>The state as last written (or a new instance if the grain was never written).</summary>
    TState State { get; set; }

    /// <summary>Version of the stored row; 0 while the grain has never been written.</summary>
    long Version { get; }

    bool Exists => Version > 0;

    /// <summary>Appends a domain event to the outbox with this turn's write. Nothing is published if the turn fails.</summary>
    void Emit(object domainEvent);

    /// <summary>
    /// Commits state, emitted events and reminder changes. If another writer got there first the runtime
    /// reloads the state and runs the whole turn again, so a turn must have no side effects but these.
    /// </summary>
    Task WriteAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets (or moves) a durable reminder; the grain must implement <see cref="IRemindable"/>.</summary>
    void SetReminder(string name, DateTimeOffset dueAt, TimeSpan? period = null);

    void ClearReminder(string name);
}
