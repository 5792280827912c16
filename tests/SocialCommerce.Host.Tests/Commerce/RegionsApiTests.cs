using System.Net;
using System.Net.Http.Json;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Commerce;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Commerce.Regions;
using SocialCommerce.Host.Tests.Support;
using SocialCommerce.Testing;

namespace SocialCommerce.Host.Tests.Commerce;

public sealed class RegionsApiTests
{
    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Regions_ListTheirOwnPromotersAndGroups(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        var ne = await node.Api.RegionWithPromoterAsync("north-east", "ne-root");
        await node.Api.SignUpAsync("ne-2", "north-east", ne.InviteCode);
        var sc = await node.Api.RegionWithPromoterAsync("south-china", "sc-root");
        await node.Api.OpenGroupAsync("ne-warm", ne.Id, "warm-up");
        await node.Api.OpenGroupAsync("sc-task", sc.Id, "task");
        await GrainRows.WaitUntilOutboxDispatchedAsync(node.Host.Database);

        var regions = await node.Api.GetAsync<RegionView[]>("/api/regions");
        var nePromoters = await node.Api.GetAsync<Page<PromoterView>>("/api/regions/north-east/promoters");
        var neGroups = await node.Api.GetAsync<Page<GroupView>>("/api/regions/north-east/groups");
        var scGroups = await node.Api.GetAsync<Page<GroupView>>("/api/regions/south-china/groups");

        Assert.Equal([("north-east", 2, 1), ("south-china", 1, 1)], regions.Select(r => (r.Id, r.PromoterCount, r.GroupCount)));
        Assert.Equal(["ne-root", "ne-2"], nePromoters.Items.Select(p => p.Id));
        Assert.Equal(["ne-warm"], neGroups.Items.Select(g => g.Id));
        Assert.Equal(["sc-task"], scGroups.Items.Select(g => g.Id));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task RegionPromoters_ArePaged(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.Api.RegionWithPromoterAsync("north-east", "p1");
        await node.Api.SignUpAsync("p2", "north-east");
        await node.Api.SignUpAsync("p3", "north-east");
        await GrainRows.WaitUntilOutboxDispatchedAsync(node.Host.Database);

        var page = await node.Api.GetAsync<Page<PromoterView>>("/api/regions/north-east/promoters?offset=1&limit=1");

        Assert.Equal((3, 1), (page.Total, page.Offset));
        Assert.Equal(["p2"], page.Items.Select(p => p.Id));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task FunnelLine_StartedBySupervisorWithTheirWarmUpGroup_IsListedUnderTheRegion(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        var supervisor = await node.Api.RegionWithPromoterAsync("central-china", "boss");
        await node.Host.Grains.Get<IPromoterGrain>(supervisor.Id).ChangeLevelAsync(PromoterLevel.Supervisor);
        await node.Api.OpenGroupAsync("warm-1", supervisor.Id, "warm-up");

        var started = await node.Client.PostAsync("/api/regions/central-china/lines",
            JsonContent.Create(new { id = "line-1", ownerId = "boss", warmUpGroupId = "warm-1" }));
        var lines = await node.Api.GetAsync<FunnelLine[]>("/api/regions/central-china/lines");
        var region = await node.Api.GetAsync<RegionView>("/api/regions/central-china");

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal([("line-1", "boss", "warm-1")], lines.Select(l => (l.LineId, l.OwnerId, l.WarmUpGroupId)));
        Assert.Equal((1, 1), (region.LineCount, region.LinesThisWeek));
    }
}
