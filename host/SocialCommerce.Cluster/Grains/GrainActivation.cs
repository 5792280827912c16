using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster.Persistence;

namespace SocialCommerce.Cluster.Grains;

/// <summary>
/// The one live instance of a grain in this process: the grain object, its state and the lock that makes its
/// calls run one at a time (turns).
/// </summary>
internal sealed class GrainActivation
{
    private readonly SemaphoreSlim _turnLock = new(1, 1);

    public GrainActivation(GrainId id, GrainRegistration registration, IServiceProvider services, GrainStore store, CommitQueue commits,
        TimeProvider time)
    {
        Id = id;
        Registration = registration;
        LogScope = [new("GrainType", id.Type), new("GrainKey", id.Key)];
        if (registration.StateType is { } stateType)
        {
            State = (IGrainStateHolder)Activator.CreateInstance(typeof(GrainState<>).MakeGenericType(stateType), id, store, commits, time)!;
            Instance = ActivatorUtilities.CreateInstance(services, registration.Class, State);
        }
        else
        {
            Instance = ActivatorUtilities.CreateInstance(services, registration.Class);
        }
        LastUsedTimestamp = time.GetTimestamp();
    }

    public GrainId Id { get; }

    public GrainRegistration Registration { get; }

    public object Instance { get; }

    public IGrainStateHolder? State { get; }

    /// <summary>Properties every log line of a turn carries (Serilog: enrich from log context).</summary>
    public KeyValuePair<string, object>[] LogScope { get; }

    public long LastUsedTimestamp { get; set; }

    /// <summary>Set under the turn lock when the activation is dropped; a caller that gets the lock afterwards goes to a new one.</summary>
    public bool IsDeactivated { get; private set; }

    public ValueTask<bool> EnterTurnAsync(CancellationToken cancellationToken)
    {
        var wait = _turnLock.WaitAsync(cancellationToken);
        return wait.IsCompletedSuccessfully ? ValueTask.FromResult(Entered()) : AwaitEnter(wait);

        async ValueTask<bool> AwaitEnter(Task pending)
        {
            await pending.ConfigureAwait(false);
            return Entered();
        }
    }

    private bool Entered()
    {
        if (!IsDeactivated)
        {
            return true;
        }
        _turnLock.Release();
        return false;
    }

    public void ExitTurn(long now)
    {
        LastUsedTimestamp = now;
        _turnLock.Release();
    }

    /// <summary>Deactivates the activation if no turn is running or waiting for it.</summary>
    public bool TryDeactivate()
    {
        if (_turnLock.CurrentCount == 0 || !_turnLock.Wait(0))
        {
            return false;
        }
        IsDeactivated = true;
        _turnLock.Release();
        return true;
    }
}
