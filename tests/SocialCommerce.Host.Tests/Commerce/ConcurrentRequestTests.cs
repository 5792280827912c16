using System.Net;
using System.Net.Http.Json;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Orders;
using SocialCommerce.Host.Tests.Support;

namespace SocialCommerce.Host.Tests.Commerce;

/// <summary>Many clients at once through the whole stack (HTTP, grain turns, the database): the rules still hold exactly.</summary>
public sealed class ConcurrentRequestTests
{
    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task ConcurrentPayments_NeverOverpay_AndCompleteThePaymentOnce(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.HundredYuanOrderAsync();

        var responses = await Task.WhenAll(Enumerable.Range(1, 25).Select(i =>
            node.Client.PostAsJsonAsync("/api/orders/o1/payments", new { paymentId = $"rp-{i}", channel = "red-packet", amount = 1_000 })));

        var order = await node.Api.GetAsync<OrderView>("/api/orders/o1");
        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(15, responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity));
        Assert.Equal((10_000L, 10, PaymentStatus.Paid), (order.Paid.Fen, order.Payments.Count, order.PaymentStatus));
        Assert.Equal(10, await StoreSnapshot.CountEventsAsync(node.Host.Database, "o1", nameof(PaymentRecorded)));
        Assert.Equal(1, await StoreSnapshot.CountEventsAsync(node.Host.Database, "o1", nameof(OrderPaid)));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task ConcurrentJoins_StopExactlyAtCapacity(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        var owner = await node.Api.RegionWithPromoterAsync();
        await node.Api.OpenGroupAsync("tasks", owner.Id, "task");

        var responses = await Task.WhenAll(Enumerable.Range(1, 80).Select(i =>
            node.Client.PostAsJsonAsync("/api/groups/tasks/members", new { memberId = $"fan-{i}" })));

        var group = await node.Api.GetAsync<GroupView>("/api/groups/tasks");
        Assert.Equal(GroupKinds.TaskGroupCapacity - 1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(80 - (GroupKinds.TaskGroupCapacity - 1), responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(GroupKinds.TaskGroupCapacity, group.MemberCount);
        Assert.Equal(GroupKinds.TaskGroupCapacity - 1, await StoreSnapshot.CountEventsAsync(node.Host.Database, "tasks", nameof(GroupMemberJoined)));
        Assert.Equal(1, await StoreSnapshot.CountEventsAsync(node.Host.Database, "tasks", nameof(GroupFilled)));
    }
}
