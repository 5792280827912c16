using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Cluster.Outbox;
using SocialCommerce.Cluster.Tests.Grains;
using SocialCommerce.Testing;

namespace SocialCommerce.Cluster.Tests;

public sealed class BatchingSubscriberTests
{
    private static readonly Dictionary<string, string?> ManualDispatch = new() { ["Cluster:DispatchOutbox"] = "false" };

    [Fact]
    public async Task Flush_RunsOncePerPass_AfterEveryEventOfTheBatchWasHandled()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await StartAsync(database);
        for (var i = 0; i < 3; i++)
        {
            await node.Grains.Get<ICounterGrain>($"c{i}").IncrementAsync();
        }

        await node.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync();

        Assert.Equal([3], node.Services.GetRequiredService<DeferringSubscriber>().Flushed);
        Assert.Equal(0, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM outbox WHERE dispatched_at IS NULL"));
    }

    [Fact]
    public async Task FailedFlush_LeavesTheBatchUndispatched_AndTheNextPassDeliversItAgain()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await StartAsync(database);
        var subscriber = node.Services.GetRequiredService<DeferringSubscriber>();
        await node.Grains.Get<ICounterGrain>("c").IncrementAsync();
        subscriber.FailNextFlush = true;

        Assert.Equal(0, await node.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync());
        Assert.Equal(1, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM outbox WHERE dispatched_at IS NULL"));
        Assert.Equal(1, await node.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync());

        Assert.Equal([1], subscriber.Flushed);
        Assert.Equal(0, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM outbox WHERE dispatched_at IS NULL"));
    }

    private static Task<ClusterTestHost> StartAsync(TestDatabase database) => ClusterTestHost.StartAsync(database, services =>
    {
        services.AddGrain<ICounterGrain, CounterGrain>();
        services.AddEventSubscriber<DeferringSubscriber>();
    }, ManualDispatch);

    /// <summary>Collects events and "writes" them on flush: records how many each flush wrote.</summary>
    private sealed class DeferringSubscriber : IBatchingEventSubscriber
    {
        private readonly List<Guid> _pending = [];

        public List<int> Flushed { get; } = [];

        public bool FailNextFlush { get; set; }

        public string Name => "deferring";

        public Task HandleAsync(OutboxEvent domainEvent, CancellationToken cancellationToken)
        {
            _pending.Add(domainEvent.EventId);
            return Task.CompletedTask;
        }

        public Task FlushAsync(CancellationToken cancellationToken)
        {
            if (FailNextFlush)
            {
                FailNextFlush = false;
                _pending.Clear();
                throw new InvalidOperationException("the database is down");
            }
            if (_pending.Count > 0)
            {
                Flushed.Add(_pending.Count);
                _pending.Clear();
            }
            return Task.CompletedTask;
        }
    }
}
