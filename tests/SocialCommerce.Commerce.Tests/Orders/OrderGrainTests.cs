using SocialCommerce.Cluster.Storage;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Orders;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Testing;

namespace SocialCommerce.Commerce.Tests.Orders;

public sealed class OrderGrainTests
{
    [Fact]
    public async Task Order_Placed_CopiesSellersUplineChainAndRegion()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceNode.StartAsync(database);
        await node.ArrangeTeamAsync();

        var order = await node.PlaceOrderAsync();

        Assert.Equal(("seller", "root", (string?)null, "north-east"), (order.PromoterId, order.UplineId, order.SecondUplineId, order.RegionId));
        Assert.Equal(Money.FromFen(29_900), order.Total);
    }

    [Fact]
    public Task Order_FullLifecycle_CommitsEventsInOrder_Sqlite() => FullLifecycle(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Order_FullLifecycle_CommitsEventsInOrder_Postgres() => FullLifecycle(DatabaseProvider.Postgres);

    private static async Task FullLifecycle(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = await CommerceNode.StartAsync(database);
        await node.ArrangeTeamAsync();
        await node.PlaceOrderAsync();
        var order = node.Grains.Get<IOrderGrain>("o1");

        await order.RecordPaymentAsync("wx-1", PaymentChannel.WechatTransfer, Money.FromFen(5_000), "phone 138…");
        await order.MarkShippedAsync("SF123");
        await order.MarkSignedAsync();
        var completed = await order.RecordPaymentAsync("cod-1", PaymentChannel.Cod, Money.FromFen(24_900), null);

        Assert.Equal(OrderStatus.Completed, completed.Status);
        var types = new List<string>();
        var count = await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM outbox WHERE grain_type = 'order'");
        for (var i = 0; i < count; i++)
        {
            types.Add((string)(await GrainRows.QueryAsync(database,
                $"SELECT event_type FROM outbox WHERE grain_type = 'order' ORDER BY sequence LIMIT 1 OFFSET {i}"))!);
        }

        Assert.Equal(["OrderPlaced", "PaymentRecorded", "OrderShipped", "OrderSigned", "PaymentRecorded", "OrderPaid", "OrderCompleted"], types);
    }

    [Fact]
    public async Task Order_PaymentsSurviveARestart()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using (var node = await CommerceNode.StartAsync(database))
        {
            await node.ArrangeTeamAsync();
            await node.PlaceOrderAsync();
            await node.Grains.Get<IOrderGrain>("o1").RecordPaymentAsync("red-1", PaymentChannel.RedPacket, Money.FromFen(2_000), null);
        }

        await using var restarted = await CommerceNode.StartAsync(database);
        var order = await restarted.Grains.Get<IOrderGrain>("o1").GetAsync();

        Assert.Equal(Money.FromFen(2_000), order!.Paid);
        Assert.Equal(PaymentChannel.RedPacket, Assert.Single(order.Payments).Channel);
    }

    [Fact]
    public async Task Order_ConcurrentPayments_NeverExceedTheTotal()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceNode.StartAsync(database);
        await node.ArrangeTeamAsync();
        await node.PlaceOrderAsync();
        var order = node.Grains.Get<IOrderGrain>("o1");

        // 50 payments of ¥10.00 race for an order of ¥299.00: exactly 29 fit.
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            try
            {
                await order.RecordPaymentAsync($"p{i}", PaymentChannel.Alipay, Money.FromFen(1_000), null);
                return true;
            }
            catch (RuleViolationException)
            {
                return false;
            }
        }));

        Assert.Equal(29, results.Count(ok => ok));
        var stored = await GrainRows.ReadStateAsync<OrderState>(database, "order", "o1");
        Assert.Equal(Money.FromFen(29_000), stored!.Paid);
    }

    [Fact]
    public async Task Order_RefusedPayment_LeavesStoredStateAndOutboxUnchanged()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceNode.StartAsync(database);
        await node.ArrangeTeamAsync();
        await node.PlaceOrderAsync();
        var version = await GrainRows.ScalarAsync(database, "SELECT version FROM grain_state WHERE grain_type = 'order'");
        var events = await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM outbox");

        await Assert.ThrowsAsync<RuleViolationException>(() =>
            node.Grains.Get<IOrderGrain>("o1").RecordPaymentAsync("big", PaymentChannel.Cod, Money.FromFen(30_000), null));

        Assert.Equal(version, await GrainRows.ScalarAsync(database, "SELECT version FROM grain_state WHERE grain_type = 'order'"));
        Assert.Equal(events, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM outbox"));
        Assert.Equal(Money.Zero, (await node.Grains.Get<IOrderGrain>("o1").GetAsync())!.Paid);
    }

    [Fact]
    public async Task Order_ForSuspendedPromoter_IsRejected()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceNode.StartAsync(database);
        var (_, seller, _) = await node.ArrangeTeamAsync();
        await node.Grains.Get<IPromoterGrain>(seller.Id).SuspendAsync("fraud check");

        await Assert.ThrowsAsync<RuleViolationException>(() => node.PlaceOrderAsync());
        Assert.Null(await node.Grains.Get<IOrderGrain>("o1").GetAsync());
    }

    [Fact]
    public async Task Order_InGroupTheSellerIsNotIn_IsRejected()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceNode.StartAsync(database);
        await node.ArrangeTeamAsync();
        await node.Grains.Get<IGroupGrain>("g1").LeaveAsync("seller");

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => node.PlaceOrderAsync());
        Assert.Contains("not a member", error.Message);
    }
}
