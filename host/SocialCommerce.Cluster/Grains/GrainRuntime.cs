using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Cluster.Persistence;
using SocialCommerce.Cluster.Storage;

namespace SocialCommerce.Cluster.Grains;

/// <summary>
/// The activations of this process and the turn loop. One activation per grain per process; its calls run one
/// at a time; a turn that loses an optimistic-concurrency race is re-run on freshly loaded state.
/// </summary>
internal sealed class GrainRuntime : IGrainFactory, IDisposable
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private readonly Dictionary<Type, GrainRegistration> _byInterface;
    private readonly Dictionary<string, GrainRegistration> _byTypeName;
    private readonly IServiceProvider _services;
    private readonly GrainStore _store;
    private readonly CommitQueue _commits;
    private readonly TimeProvider _time;
    private readonly ClusterOptions _options;
    private readonly ILogger<GrainRuntime> _logger;
    private readonly ITimer _idleSweep;
    private readonly TimeSpan _stateCacheTtl;

    public GrainRuntime(IEnumerable<GrainRegistration> registrations, IServiceProvider services, GrainStore store, CommitQueue commits,
        TimeProvider time, IOptions<ClusterOptions> options, IDatabase database, ILogger<GrainRuntime> logger)
    {
        var all = registrations.ToList();
        _byInterface = all.ToDictionary(r => r.Interface);
        _byTypeName = new Dictionary<string, GrainRegistration>(StringComparer.Ordinal);
        foreach (var registration in all)
        {
            if (!_byTypeName.TryAdd(registration.TypeName, registration))
            {
                throw new InvalidOperationException(
                    $"Grain classes {_byTypeName[registration.TypeName].Class.Name} and {registration.Class.Name} share the type name " +
                    $"'{registration.TypeName}'; give one a [GrainType(\"…\")].");
            }
        }
        _services = services;
        _store = store;
        _commits = commits;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _stateCacheTtl = _options.StateCacheTtl ?? (database.Provider == DatabaseProvider.Postgres ? TimeSpan.FromSeconds(2) : TimeSpan.MaxValue);
        _idleSweep = time.CreateTimer(_ => DeactivateIdle(), null, _options.IdleCheckInterval, _options.IdleCheckInterval);
    }

    /// <summary>Raised after a turn committed reminder changes (the reminder service listens, to wake on time).</summary>
    public event Action<GrainId, IReadOnlyList<ReminderChange>>? RemindersChanged;

    public int ActivationCount => _activations.Count;

    public TGrain Get<TGrain>(string key) where TGrain : class, IGrain
    {
        if (!_byInterface.TryGetValue(typeof(TGrain), out var registration))
        {
            throw new InvalidOperationException(
                $"No grain class is registered for {typeof(TGrain).Name}; call services.AddGrain<{typeof(TGrain).Name}, TClass>().");
        }
        return (TGrain)CreateReference(registration, key);
    }

    internal object CreateReference(GrainRegistration registration, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var reference = (GrainReference)DispatchProxy.Create(registration.Interface, typeof(GrainReference));
        reference.Runtime = this;
        reference.Id = new GrainId(registration.TypeName, key);
        reference.Registration = registration;
        return reference;
    }

    internal GrainRegistration? FindByTypeName(string typeName) => _byTypeName.GetValueOrDefault(typeName);

    public Task<T> RunTurnAsync<T>(GrainReference reference, Func<object, ValueTask<T>> body) =>
        RunTurnAsync(reference, body, fired: null, CancellationToken.None);

    public async Task<T> RunTurnAsync<T>(GrainReference reference, Func<object, ValueTask<T>> body, FiredReminder? fired,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var activation = reference.Activation is { IsDeactivated: false } cached ? cached : Activate(reference);
            if (!await activation.EnterTurnAsync(cancellationToken).ConfigureAwait(false))
            {
                reference.Activation = null; // deactivated while we waited: go to its successor
                continue;
            }
            try
            {
                using var scope = _logger.BeginScope(activation.LogScope);
                return await RunAttemptsAsync(activation, body, fired, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                activation.ExitTurn(_time.GetTimestamp());
            }
        }
    }

    private async Task<T> RunAttemptsAsync<T>(GrainActivation activation, Func<object, ValueTask<T>> body, FiredReminder? fired,
        CancellationToken cancellationToken)
    {
        var state = activation.State;
        for (var attempt = 1; ; attempt++)
        {
            if (state is { IsLoaded: true } && _time.GetElapsedTime(state.ConfirmedAtTimestamp) > _stateCacheTtl)
            {
                state.Discard(); // another node may have written since: read it again
            }
            if (state is { IsLoaded: false })
            {
                await state.LoadAsync(cancellationToken).ConfigureAwait(false);
            }
            state?.BeginTurn(fired);
            try
            {
                var result = await body(activation.Instance).ConfigureAwait(false);
                if (state is not null)
                {
                    await state.EndTurnAsync(cancellationToken).ConfigureAwait(false);
                }
                return result;
            }
            catch (TurnConflictException) when (attempt < _options.MaxTurnAttempts)
            {
                state!.Discard();
                _logger.LogDebug("Turn lost a write race (attempt {Attempt}); re-running on fresh state", attempt);
                // Another node is writing the same grain (real time, not the business clock). Backing off with jitter lets it drain its queue instead of
                // both nodes reloading and colliding again in lock-step.
                await Task.Delay(ConflictBackoff(attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (TurnConflictException)
            {
                state!.Discard();
                throw new GrainConcurrencyException(activation.Id, attempt);
            }
            catch
            {
                // Whatever the failed turn did to the in-memory state must not leak into the next turn.
                state?.Discard();
                throw;
            }
        }
    }

    private static TimeSpan ConflictBackoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(100, 2 << Math.Min(attempt, 10)));

    private GrainActivation Activate(GrainReference reference)
    {
        var activation = _activations.GetOrAdd(reference.Id, static (id, args) =>
        {
            var (runtime, registration) = args;
            var created = new GrainActivation(id, registration, runtime._services, runtime._store, runtime._commits, runtime._time);
            if (created.State is { } state)
            {
                state.RemindersChanged = changes => runtime.RemindersChanged?.Invoke(id, changes);
            }
            return created;
        }, (this, reference.Registration));
        reference.Activation = activation;
        return activation;
    }

    internal int DeactivateIdle()
    {
        var deactivated = 0;
        foreach (var (id, activation) in _activations)
        {
            var idleTimeout = activation.Registration.IdleTimeout ?? _options.IdleTimeout;
            if (_time.GetElapsedTime(activation.LastUsedTimestamp) >= idleTimeout && activation.TryDeactivate())
            {
                _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(id, activation));
                deactivated++;
            }
        }
        if (deactivated > 0)
        {
            _logger.LogInformation("Deactivated {Count} idle grain activations; {Remaining} remain", deactivated, _activations.Count);
        }
        return deactivated;
    }

    public void Dispose() => _idleSweep.Dispose();
}
