namespace SocialCommerce.Cluster.Grains;

/// <summary>Thrown out of a turn whose write lost an optimistic-concurrency race; the runtime re-runs the turn.</summary>
internal sealed class TurnConflictException(GrainId id)
    : Exception($"Grain {id} was changed by another writer since this turn read it.");

/// <summary>Thrown out of a reminder turn when another node committed the same firing first; the turn is dropped.</summary>
internal sealed class ReminderAlreadyHandledException(GrainId id, string reminder)
    : Exception($"Reminder '{reminder}' of grain {id} was already fired elsewhere.");
