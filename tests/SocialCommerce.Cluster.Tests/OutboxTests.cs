using SocialCommerce.Cluster.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster.Outbox;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Cluster.Tests.Grains;
using SocialCommerce.Testing;
using static SocialCommerce.Cluster.Tests.GrainConcurrencyTests;
using static SocialCommerce.Cluster.Tests.ReminderTests;

namespace SocialCommerce.Cluster.Tests;

public sealed class OutboxTests
{
    private static readonly Dictionary<string, string?> DiesBeforeDispatch = new() { ["Cluster:DispatchOutbox"] = "false" };

    [Fact]
    public Task HostKilledBetweenWriteAndDispatch_RedispatchesOnRestart_Sqlite() => HostKilledBetweenWriteAndDispatch(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task HostKilledBetweenWriteAndDispatch_RedispatchesOnRestart_Postgres() => HostKilledBetweenWriteAndDispatch(DatabaseProvider.Postgres);

    [Fact]
    public async Task HostKilledAfterDeliveryBeforeMarking_SubscriberStillSeesEachEventOnce()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using (var node = await StartNodeAsync(database, "first", DiesBeforeDispatch))
        {
            await node.Grains.Get<ICounterGrain>("x").IncrementAsync();
            await node.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync();
        }
        // The crash lost the "dispatched" mark: the event is delivered again after the restart.
        await GrainRows.QueryAsync(database, "UPDATE outbox SET dispatched_at = NULL");

        await using var restarted = await StartNodeAsync(database, "second", DiesBeforeDispatch);
        await restarted.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync();

        Assert.Equal(0, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM outbox WHERE dispatched_at IS NULL"));
        Assert.Equal(1, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM event_inbox WHERE subscriber = 'recording'"));
        Assert.All(restarted.Services.GetRequiredService<RecordingSubscriber>().Handled.Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public async Task FailingSubscriber_LeavesEventForRetryWithBackoff()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await ClusterTestHost.StartAsync(database, services =>
        {
            services.AddGrain<ICounterGrain, CounterGrain>();
            services.AddEventSubscriber<FailingSubscriber>();
        }, DiesBeforeDispatch);
        await node.Grains.Get<ICounterGrain>("f").IncrementAsync();

        Assert.Equal(0, await node.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync());

        Assert.Equal(1, await GrainRows.ScalarAsync(database, "SELECT attempts FROM outbox"));
        Assert.True(await GrainRows.ScalarAsync(database, "SELECT next_attempt_at - occurred_at FROM outbox") >= 1000);
    }

    [Fact]
    public async Task ConcurrentSubscriber_OverlapsSources_KeepsEachSourceInOrder()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await ClusterTestHost.StartAsync(database, services =>
        {
            services.AddGrain<ICounterGrain, CounterGrain>();
            services.AddEventSubscriber<SlowConcurrentSubscriber>();
            services.AddEventSubscriber<OrderedSubscriber>();
        }, DiesBeforeDispatch);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(async g =>
        {
            for (var i = 0; i < 10; i++)
            {
                await node.Grains.Get<ICounterGrain>($"c{g}").IncrementAsync();
            }
        }));

        Assert.Equal(50, await node.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync());

        var concurrent = node.Services.GetRequiredService<SlowConcurrentSubscriber>();
        Assert.True(concurrent.MaxInFlight > 1, $"at most {concurrent.MaxInFlight} event was in flight");
        Assert.All(concurrent.CountsBySource.Values, counts => Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), counts));
        var ordered = node.Services.GetRequiredService<OrderedSubscriber>().Sequences;
        Assert.Equal(ordered.Order(), ordered);
        Assert.Equal(50, ordered.Count);
    }

    private static async Task HostKilledBetweenWriteAndDispatch(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var doomed = await StartNodeAsync(database, "doomed", DiesBeforeDispatch))
        {
            await Task.WhenAll(Enumerable.Range(0, 50).Select(i => doomed.Grains.Get<ICounterGrain>($"g{i % 5}").IncrementAsync()));
        }

        await using var restarted = await StartNodeAsync(database, "restarted");
        var subscriber = restarted.Services.GetRequiredService<RecordingSubscriber>();

        await WaitUntilAsync(async () => await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM outbox WHERE dispatched_at IS NULL") == 0);
        Assert.Equal(50, subscriber.Handled.Count);
        Assert.All(subscriber.Handled.Values, count => Assert.Equal(1, count));
    }

    private sealed class FailingSubscriber : IEventSubscriber
    {
        public string Name => "failing";

        public Task HandleAsync(OutboxEvent domainEvent, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("downstream is down");
    }

    private sealed class SlowConcurrentSubscriber : IConcurrentEventSubscriber
    {
        private int _inFlight;
        private int _maxInFlight;

        public int MaxInFlight => _maxInFlight;

        public System.Collections.Concurrent.ConcurrentDictionary<string, List<long>> CountsBySource { get; } = new();

        public string Name => "slow-concurrent";

        public async Task HandleAsync(OutboxEvent domainEvent, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _maxInFlight, now);
            await Task.Delay(20, cancellationToken);
            CountsBySource.GetOrAdd(domainEvent.Source.Key, _ => []).Add(domainEvent.Read<CounterIncremented>().NewCount);
            Interlocked.Decrement(ref _inFlight);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    private sealed class OrderedSubscriber : IEventSubscriber
    {
        public List<long> Sequences { get; } = [];

        public string Name => "ordered";

        public Task HandleAsync(OutboxEvent domainEvent, CancellationToken cancellationToken)
        {
            Sequences.Add(domainEvent.Sequence);
            return Task.CompletedTask;
        }
    }
}
