using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SocialCommerce.Cluster;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Commerce;
using SocialCommerce.Commerce.Orders;
using SocialCommerce.Host.Tests.Support;
using SocialCommerce.Testing;

namespace SocialCommerce.Host.Tests.Commerce;

public sealed class OrdersApiTests
{
    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Order_PartialPaymentsOverChannels_CompletesOnlyWhenPaidInFullAndSigned(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.HundredYuanOrderAsync();

        var deposit = await node.Api.PayAsync("o1", "wx-1", "wechat-transfer", 3_000);
        await node.Api.ShipAsync("o1", "SF1234");
        var signed = await node.Api.SignAsync("o1");
        var redPacket = await node.Api.PayAsync("o1", "rp-1", "red-packet", 2_000);
        var cod = await node.Api.PayAsync("o1", "cod-1", "cod", 5_000);

        Assert.Equal((OrderStatus.Placed, PaymentStatus.PartiallyPaid, 7_000L), (deposit.Status, deposit.PaymentStatus, deposit.Outstanding.Fen));
        Assert.Equal((OrderStatus.Signed, PaymentStatus.PartiallyPaid), (signed.Status, signed.PaymentStatus));
        Assert.Equal((OrderStatus.Signed, 5_000L), (redPacket.Status, redPacket.Outstanding.Fen));
        Assert.Equal((OrderStatus.Completed, PaymentStatus.Paid, Money.Zero), (cod.Status, cod.PaymentStatus, cod.Outstanding));
        Assert.Equal([PaymentChannel.WechatTransfer, PaymentChannel.RedPacket, PaymentChannel.Cod], cod.Payments.Select(p => p.Channel));
        Assert.Equal("SF1234", cod.TrackingNumber);
        Assert.NotNull(cod.CompletedAt);
        Assert.Equal(3, await StoreSnapshot.CountEventsAsync(node.Host.Database, "o1", nameof(PaymentRecorded)));
        Assert.Equal(1, await StoreSnapshot.CountEventsAsync(node.Host.Database, "o1", nameof(OrderPaid)));
        Assert.Equal(1, await StoreSnapshot.CountEventsAsync(node.Host.Database, "o1", nameof(OrderCompleted)));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Order_PaidInFullBeforeDelivery_CompletesWhenSigned(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.HundredYuanOrderAsync();

        await node.Api.PayAsync("o1", "bank-1", "bank-transfer", 6_000);
        var paid = await node.Api.PayAsync("o1", "mp-1", "mini-program", 4_000);
        var shipped = await node.Api.ShipAsync("o1");
        var signed = await node.Api.SignAsync("o1");

        Assert.Equal((OrderStatus.Placed, PaymentStatus.Paid), (paid.Status, paid.PaymentStatus));
        Assert.Null(paid.CompletedAt);
        Assert.Equal(OrderStatus.Shipped, shipped.Status);
        Assert.Equal(OrderStatus.Completed, signed.Status);
        Assert.Equal(1, await StoreSnapshot.CountEventsAsync(node.Host.Database, "o1", nameof(OrderCompleted)));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Order_SamePaymentIdTwice_RecordsItOnce(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.HundredYuanOrderAsync();

        await node.Api.PayAsync("o1", "wx-1", "wechat-transfer", 3_000);
        var repeated = await node.Api.PayAsync("o1", "wx-1", "wechat-transfer", 3_000);

        Assert.Equal(3_000L, repeated.Paid.Fen);
        Assert.Single(repeated.Payments);
        Assert.Equal(1, await StoreSnapshot.CountEventsAsync(node.Host.Database, "o1", nameof(PaymentRecorded)));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Order_ReturnedAfterCompletion_IsReturned_AndSaysItWasCompleted(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.HundredYuanOrderAsync();
        await node.Api.PayAsync("o1", "ali-1", "alipay", 10_000);
        await node.Api.ShipAsync("o1");
        await node.Api.SignAsync("o1");

        var returned = await node.Api.ReturnAsync("o1", "damaged in transit");

        Assert.Equal((OrderStatus.Returned, "damaged in transit"), (returned.Status, returned.ReturnReason));
        Assert.NotNull(returned.ReturnedAt);
        var row = await GrainRows.QueryAsync(node.Host.Database,
            "SELECT payload FROM outbox WHERE grain_key = @key AND event_type = @type", ("@key", "o1"), ("@type", nameof(OrderReturned)));
        var returnedEvent = JsonSerializer.Deserialize<OrderReturned>((string)row!, ClusterJson.Options);
        Assert.Equal(new OrderReturned("o1", "seller", "damaged in transit", WasCompleted: true, Money.FromFen(10_000)), returnedEvent);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Order_Placed_Answers201_WithTheUplineChainCopiedIn(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        var root = await node.Api.RegionWithPromoterAsync("south-west", "root");
        var upline = await node.Api.SignUpAsync("upline", "south-west", root.InviteCode);
        var seller = await node.Api.SignUpAsync("seller", "south-west", upline.InviteCode);

        var response = await node.Client.PostAsJsonAsync("/api/orders", new
        {
            id = "o1",
            promoterId = seller.Id,
            items = new object[]
            {
                new { sku = "tea-500g", name = "Pu'er tea 500 g", quantity = 1, unitPrice = 19_900 },
                new { sku = "cup-2", name = "Travel cup", quantity = 2, unitPrice = 5_000 },
            },
        });

        var order = await response.Content.ReadFromJsonAsync<OrderView>(CommerceClient.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/orders/o1", response.Headers.Location?.ToString());
        Assert.Equal(("seller", "upline", "root", "south-west"), (order!.PromoterId, order.UplineId, order.SecondUplineId, order.RegionId));
        Assert.Equal((29_900L, 29_900L, PaymentStatus.Unpaid), (order.Total.Fen, order.Outstanding.Fen, order.PaymentStatus));
    }
}
