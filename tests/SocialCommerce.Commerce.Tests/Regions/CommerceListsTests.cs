using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Commerce.Regions;
using SocialCommerce.Testing;

namespace SocialCommerce.Commerce.Tests.Regions;

public sealed class CommerceListsTests
{
    [Fact]
    public async Task RegionLists_AreFilledFromEvents()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceNode.StartAsync(database);
        await node.ArrangeTeamAsync();
        await node.PlaceOrderAsync();

        await GrainRows.WaitUntilOutboxDispatchedAsync(database);

        var region = node.Grains.Get<IRegionGrain>("north-east");
        Assert.Equal(["root", "seller"], (await region.ListPromotersAsync(0, 10)).Items);
        Assert.Equal(["g1"], (await region.ListGroupsAsync(0, 10)).Items);
        Assert.Equal(["north-east"], await node.Grains.Get<IRegionCatalogGrain>(IRegionCatalogGrain.Key).ListAsync());
        Assert.Equal(1, (await node.Grains.Get<IGroupGrain>("g1").GetAsync())!.OrderCount);
    }

    [Fact]
    public async Task Subscriber_RedeliveredEvents_DoNotDoubleListsOrCounters()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceNode.StartAsync(database);
        await node.ArrangeTeamAsync();
        await node.PlaceOrderAsync();
        await GrainRows.WaitUntilOutboxDispatchedAsync(database);

        // Deliver every stored event a second time, as after a crash between handling and marking.
        var subscriber = node.Service<CommerceListsSubscriber>();
        var count = await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM outbox");
        for (var i = 0; i < count; i++)
        {
            var type = (string)(await GrainRows.QueryAsync(database, $"SELECT event_type FROM outbox ORDER BY sequence LIMIT 1 OFFSET {i}"))!;
            var payload = (string)(await GrainRows.QueryAsync(database, $"SELECT payload FROM outbox ORDER BY sequence LIMIT 1 OFFSET {i}"))!;
            await subscriber.HandleAsync(new Cluster.OutboxEvent(i, Guid.NewGuid(), new Cluster.GrainId("x", "y"), type, payload, DateTimeOffset.UtcNow), default);
        }

        var region = await node.Grains.Get<IRegionGrain>("north-east").GetAsync();
        Assert.Equal((2, 1), (region!.PromoterCount, region.GroupCount));
        Assert.Equal(1, (await node.Grains.Get<IGroupGrain>("g1").GetAsync())!.OrderCount);
    }

    [Fact]
    public async Task FunnelLine_StartedBySupervisorWithOwnWarmUpGroup_IsListedForThisWeek()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceNode.StartAsync(database);
        var (root, _, _) = await node.ArrangeTeamAsync();
        await node.Grains.Get<IPromoterGrain>(root.Id).ChangeLevelAsync(PromoterLevel.Supervisor);
        await node.Service<GroupOpening>().OpenAsync(new CreateGroup("w1", "Warm-up", root.Id, GroupKind.WarmUp), default);

        var line = await node.Service<FunnelLineLaunch>().StartAsync("north-east", new StartFunnelLine("line-1", root.Id, "w1"), default);

        var region = await node.Grains.Get<IRegionGrain>("north-east").GetAsync();
        Assert.Equal(region!.CurrentWeek, line.Week);
        Assert.Equal(1, region.LinesThisWeek);
    }

    [Fact]
    public async Task FunnelLine_StartedByNonSupervisor_IsRejected()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceNode.StartAsync(database);
        var (root, _, _) = await node.ArrangeTeamAsync();
        await node.Service<GroupOpening>().OpenAsync(new CreateGroup("w1", "Warm-up", root.Id, GroupKind.WarmUp), default);

        await Assert.ThrowsAsync<RuleViolationException>(() =>
            node.Service<FunnelLineLaunch>().StartAsync("north-east", new StartFunnelLine("line-1", root.Id, "w1"), default));
        Assert.Empty(await node.Grains.Get<IRegionGrain>("north-east").ListLinesAsync());
    }
}
