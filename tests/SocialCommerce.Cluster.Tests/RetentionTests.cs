using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster.Outbox;
using SocialCommerce.Cluster.Retention;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Cluster.Tests.Grains;
using SocialCommerce.Testing;
using static SocialCommerce.Cluster.Tests.GrainConcurrencyTests;

namespace SocialCommerce.Cluster.Tests;

public sealed class RetentionTests
{
    private static readonly Dictionary<string, string?> ManualLoops = new()
    {
        ["Cluster:DispatchOutbox"] = "false",
        ["Cluster:RunRetention"] = "false",
        ["Cluster:EventRetention"] = "7.00:00:00",
    };

    [Fact]
    public Task OldDispatchedEvents_AndTheirInboxRecords_ArePruned_RecentAndPendingOnesKept_Sqlite() => PrunesOnlyOldDispatched(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task OldDispatchedEvents_AndTheirInboxRecords_ArePruned_RecentAndPendingOnesKept_Postgres() => PrunesOnlyOldDispatched(DatabaseProvider.Postgres);

    private static async Task PrunesOnlyOldDispatched(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = await StartNodeAsync(database, "node", ManualLoops, clock);
        var counter = node.Grains.Get<ICounterGrain>("kept-short");
        var dispatcher = node.Services.GetRequiredService<OutboxDispatcher>();

        await counter.IncrementAsync(); // dispatched eight days before the pass: pruned, with its inbox record
        await dispatcher.DispatchPendingAsync();
        clock.Advance(TimeSpan.FromDays(8));
        await counter.IncrementAsync(); // dispatched just now: kept
        await dispatcher.DispatchPendingAsync();
        await counter.IncrementAsync(); // not dispatched yet: kept, it is still owed to the subscribers

        var deleted = await node.Services.GetRequiredService<RetentionService>().PruneAsync();

        Assert.Equal(2, deleted);
        Assert.Equal(2, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM outbox"));
        Assert.Equal(1, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM outbox WHERE dispatched_at IS NULL"));
        Assert.Equal(1, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM event_inbox"));
        Assert.Equal(3, await counter.GetAsync());
    }
}
