using System.Net;
using System.Net.Http.Json;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Host.Tests.Support;
using SocialCommerce.Testing;

namespace SocialCommerce.Host.Tests.Commerce;

public sealed class GroupsApiTests
{
    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Group_OpenJoinLeave_KeepsMembersAndEmitsOneEventPerChange(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        var owner = await node.Api.RegionWithPromoterAsync("east-china", "owner");

        var opened = await node.Api.OpenGroupAsync("tasks-1", owner.Id, "task");
        await node.Api.JoinAsync("tasks-1", "fan-1");
        await node.Api.JoinAsync("tasks-1", "fan-2");
        var joinedTwice = await node.Api.JoinAsync("tasks-1", "fan-1");
        var left = await node.Api.LeaveAsync("tasks-1", "fan-1");

        Assert.Equal((GroupKind.Task, GroupKinds.TaskGroupCapacity, "east-china", 1), (opened.Kind, opened.Capacity, opened.RegionId, opened.MemberCount));
        Assert.Equal(["owner", "fan-1", "fan-2"], joinedTwice.Members);
        Assert.Equal(["owner", "fan-2"], left.Members);
        Assert.Equal(["owner", "fan-2"], (await node.Api.GetAsync<GroupView>("/api/groups/tasks-1")).Members);
        Assert.Equal(1, await StoreSnapshot.CountEventsAsync(node.Host.Database, "tasks-1", nameof(GroupCreated)));
        Assert.Equal(2, await StoreSnapshot.CountEventsAsync(node.Host.Database, "tasks-1", nameof(GroupMemberJoined)));
        Assert.Equal(1, await StoreSnapshot.CountEventsAsync(node.Host.Database, "tasks-1", nameof(GroupMemberLeft)));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Group_Open_Answers201_WithLocation_AndTheBigGroupCapacityForWarmUp(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        var owner = await node.Api.RegionWithPromoterAsync();

        var response = await node.Client.PostAsJsonAsync("/api/groups", new { id = "warm-1", name = "7-day warm-up", ownerId = owner.Id, kind = "warm-up" });

        var created = await response.Content.ReadFromJsonAsync<GroupView>(CommerceClient.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/groups/warm-1", response.Headers.Location?.ToString());
        Assert.Equal((GroupKind.WarmUp, GroupKinds.BigGroupCapacity, "seller"), (created!.Kind, created.Capacity, created.OwnerId));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Group_ReportedMessagesAndAttributedOrders_AreCounted(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        var owner = await node.Api.RegionWithPromoterAsync();
        await node.Api.OpenGroupAsync("g1", owner.Id, "interest");

        await node.Client.PostAsJsonAsync("/api/groups/g1/messages", new { count = 120 });
        await node.Client.PostAsJsonAsync("/api/groups/g1/messages", new { count = 30 });
        await node.Api.PlaceOrderAsync("o1", owner.Id, "g1", 1, 9_900);
        await node.Api.PlaceOrderAsync("o2", owner.Id, "g1", 2, 9_900);
        await GrainRows.WaitUntilOutboxDispatchedAsync(node.Host.Database);

        var group = await node.Api.GetAsync<GroupView>("/api/groups/g1");
        Assert.Equal((150L, 2), (group.MessageCount, group.OrderCount));
        Assert.NotNull(group.LastOrderAt);
    }
}
