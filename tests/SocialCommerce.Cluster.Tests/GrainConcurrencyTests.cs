using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Cluster.Tests.Grains;
using SocialCommerce.Testing;

namespace SocialCommerce.Cluster.Tests;

public sealed class GrainConcurrencyTests
{
    [Fact]
    public Task OneGrain_ThousandConcurrentCalls_LoseNoUpdate_Sqlite() => OneGrain_ThousandConcurrentCalls_LoseNoUpdate(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task OneGrain_ThousandConcurrentCalls_LoseNoUpdate_Postgres() => OneGrain_ThousandConcurrentCalls_LoseNoUpdate(DatabaseProvider.Postgres);

    [Fact]
    public Task ManyGrains_ConcurrentCalls_GroupCommitLosesNoUpdate_Sqlite() => ManyGrains_ConcurrentCalls_LoseNoUpdate(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ManyGrains_ConcurrentCalls_GroupCommitLosesNoUpdate_Postgres() => ManyGrains_ConcurrentCalls_LoseNoUpdate(DatabaseProvider.Postgres);

    [PostgresFact]
    public async Task TwoHosts_SharingPostgres_SameKeys_LoseNoUpdate()
    {
        await using var database = await TestDatabase.CreatePostgresAsync();
        await using var first = await StartNodeAsync(database, "node-a");
        await using var second = await StartNodeAsync(database, "node-b");

        var keys = Enumerable.Range(0, 5).Select(i => $"shared-{i}").ToArray();
        var calls = Enumerable.Range(0, 400).Select(i =>
        {
            var node = i % 2 == 0 ? first : second;
            return node.Grains.Get<ICounterGrain>(keys[i % keys.Length]).IncrementAsync();
        });
        await Task.WhenAll(calls);

        await using var reader = await StartNodeAsync(database, "node-c");
        foreach (var key in keys)
        {
            Assert.Equal(80, await reader.Grains.Get<ICounterGrain>(key).GetAsync());
        }
    }

    [Fact]
    public async Task FailedTurn_LeavesNoStateChangeAndNoEvent()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await StartNodeAsync(database, "node");
        var counter = node.Grains.Get<ICounterGrain>("c");
        await counter.IncrementAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => counter.FailAfterChangingStateAsync());

        Assert.Equal(1, await counter.GetAsync());
        await node.Services.GetRequiredService<Outbox.OutboxDispatcher>().DispatchPendingAsync();
        Assert.Single(node.Services.GetRequiredService<RecordingSubscriber>().Handled);
    }

    private static async Task OneGrain_ThousandConcurrentCalls_LoseNoUpdate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = await StartNodeAsync(database, "node");
        var counter = node.Grains.Get<ICounterGrain>("hot");

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => counter.IncrementAsync())));

        await using var restarted = await RestartAsync(node, database);
        Assert.Equal(1000, await restarted.Grains.Get<ICounterGrain>("hot").GetAsync());
    }

    private static async Task ManyGrains_ConcurrentCalls_LoseNoUpdate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = await StartNodeAsync(database, "node");

        await Task.WhenAll(Enumerable.Range(0, 2000).Select(i => node.Grains.Get<ICounterGrain>($"c{i % 100}").IncrementAsync()));

        await using var restarted = await RestartAsync(node, database);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(20, await restarted.Grains.Get<ICounterGrain>($"c{i}").GetAsync());
        }
    }

    private static async Task<ClusterTestHost> RestartAsync(ClusterTestHost node, TestDatabase database)
    {
        await node.DisposeAsync();
        return await StartNodeAsync(database, "restarted");
    }

    internal static Task<ClusterTestHost> StartNodeAsync(TestDatabase database, string nodeName,
        IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null) =>
        ClusterTestHost.StartAsync(database, services =>
        {
            services.AddGrain<ICounterGrain, CounterGrain>();
            services.AddEventSubscriber<RecordingSubscriber>();
        }, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Cluster:NodeName"] = nodeName }, time);
}
