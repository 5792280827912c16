using System.Net;
using System.Net.Http.Json;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Host.Tests.Support;

namespace SocialCommerce.Host.Tests.Commerce;

public sealed class PromotersApiTests
{
    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SignUp_WithInviteCodes_ChainsUplinesThreeLevelsAtMost(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        var root = await node.Api.RegionWithPromoterAsync("south-china", "root");

        var first = await node.Api.SignUpAsync("first", "south-china", root.InviteCode);
        var second = await node.Api.SignUpAsync("second", "south-china", first.InviteCode.ToLowerInvariant());
        var third = await node.Api.SignUpAsync("third", "south-china", second.InviteCode);

        Assert.Equal((null, null), (root.UplineId, root.SecondUplineId));
        Assert.Equal(("root", null), (first.UplineId, first.SecondUplineId));
        Assert.Equal(("first", "root"), (second.UplineId, second.SecondUplineId));
        Assert.Equal(("second", "first"), (third.UplineId, third.SecondUplineId));
        Assert.Equal(["third", "second", "first"], third.CommissionChain);
        Assert.Equal((PromoterLevel.NewMember, PromoterStatus.Active), (third.Level, third.Status));
        Assert.Equal(third, await node.Api.GetAsync<PromoterView>("/api/promoters/third"));
        Assert.Equal(4, await StoreSnapshot.CountEventsAsync(node.Host.Database, "%", nameof(PromoterRegistered)));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SignUp_Answers201_WithLocation_AndAnInviteCodeThatResolvesToThePromoter(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.Api.DefineRegionAsync("north-east");

        var response = await node.Client.PostAsJsonAsync("/api/promoters", new { id = "wang", name = "Wang Fang", regionId = "north-east" });

        var created = await response.Content.ReadFromJsonAsync<PromoterView>(CommerceClient.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/promoters/wang", response.Headers.Location?.ToString());
        Assert.Matches("^[A-HJ-NP-Z2-9]{8}$", created!.InviteCode);
        Assert.Equal(created, await node.Api.GetAsync<PromoterView>($"/api/promoters/by-invite-code/{created.InviteCode}"));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SignUp_RepeatedWithTheSameId_ReturnsTheStoredPromoter_AndRegistersOnce(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        var first = await node.Api.RegionWithPromoterAsync();

        var again = await node.Api.SignUpAsync(first.Id, first.RegionId);

        Assert.Equal(first, again);
        Assert.Equal(1, await StoreSnapshot.CountEventsAsync(node.Host.Database, first.Id, nameof(PromoterRegistered)));
    }
}
