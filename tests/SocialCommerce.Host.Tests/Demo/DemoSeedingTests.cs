using System.Text.Json.Nodes;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Commerce;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Orders;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Commerce.Regions;
using SocialCommerce.Host.Tests.Support;
using SocialCommerce.Testing;

namespace SocialCommerce.Host.Tests.Demo;

public sealed class DemoSeedingTests
{
    private static readonly Dictionary<string, string?> SeedOnStart = new() { ["Demo:SeedOnStart"] = "true" };

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task FirstStart_OnEmptyDatabase_SeedsRegionsPromotersWithUplinesGroupsOfEveryKindAndPartlyPaidOrders(DatabaseProvider provider)
    {
        await using var host = await HostFactory.CreateAsync(provider, SeedOnStart);
        var api = new CommerceClient(host.CreateClient());
        await GrainRows.WaitUntilOutboxDispatchedAsync(host.Database);

        var regions = await api.GetAsync<RegionView[]>("/api/regions");
        var promoters = await api.GetAsync<Page<PromoterView>>("/api/regions/north-east/promoters?limit=100");
        var groups = await api.GetAsync<Page<GroupView>>("/api/regions/north-east/groups");
        var orders = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => api.GetAsync<OrderView>($"/api/orders/ne-o{i}")));

        Assert.Equal(["north-east", "north-china", "east-china", "south-china", "central-china", "south-west"], regions.Select(r => r.Id));
        Assert.All(regions, r => Assert.True(r.PromoterCount > 0 && r.GroupCount > 0 && r.LineCount > 0, $"{r.Id} is empty"));
        Assert.Contains(promoters.Items, p => p.UplineId is not null && p.SecondUplineId is not null);
        Assert.All(promoters.Items.Where(p => p.UplineId is not null), p => Assert.Contains(promoters.Items, upline => upline.Id == p.UplineId));
        Assert.Equal(Enum.GetValues<GroupKind>().ToHashSet(), groups.Items.Select(g => g.Kind).ToHashSet());
        Assert.Contains(orders, o => o.PaymentStatus == PaymentStatus.PartiallyPaid);
        Assert.Contains(orders, o => o.Payments.Select(p => p.Channel).Distinct().Count() > 1);
        Assert.Contains(orders, o => o.Status == OrderStatus.Completed);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task FirstStart_PublishesTheRegionalFunnels_TheCommissionWorkflowOnTheSamplePlugin_AndAWebhookWorkflowWithItsHook(DatabaseProvider provider)
    {
        await using var host = await HostFactory.CreateAsync(provider, SeedOnStart);
        var client = host.CreateClient();
        await GrainRows.WaitUntilOutboxDispatchedAsync(host.Database);

        var definitions = JsonNode.Parse(await client.GetStringAsync("/api/workflow-definitions?limit=100"))!["items"]!.AsArray();
        var hooks = JsonNode.Parse(await client.GetStringAsync("/api/webhooks"))!.AsArray();
        var plugins = JsonNode.Parse(await client.GetStringAsync("/api/plugins"))!.AsArray();
        var funnel = JsonNode.Parse(await client.GetStringAsync("/api/workflow-definitions/onboarding-7-21-south-china"))!;
        var commission = JsonNode.Parse(await client.GetStringAsync("/api/workflow-definitions/commission"))!;

        Assert.Equal(["commission", "onboarding-7-21-north-east", "onboarding-7-21-south-china", "shop-payment-notice"],
            definitions.Select(d => (string)d!["definitionId"]!).Order(StringComparer.Ordinal));
        Assert.All(definitions, d => Assert.Equal(1, (int?)d!["publishedVersion"]));
        Assert.Contains("South China", (string)funnel["name"]!, StringComparison.Ordinal);
        Assert.Contains(funnel["variables"]!.AsArray(), v => (string)v!["name"]! == "region" && (string?)v["default"] == "south-china");
        Assert.Equal(["EventTrigger", "CalculateCommission", "End"], commission["root"]!["activities"]!.AsArray().Select(a => (string)a!["type"]!));
        var plugin = Assert.Single(plugins, p => (string)p!["name"]! == "tiered-commission");
        Assert.Equal(["workflow:commission@1"], plugin!["pinnedBy"]!.AsArray().Select(p => (string)p!));
        var hook = Assert.Single(hooks);
        Assert.Equal("shop-payment", (string)hook!["slug"]!);
        Assert.Equal("shop-payment-notice", (string)hook["definitionId"]!);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SecondStart_OnTheSameDatabase_PublishesNoWorkflowAgain(DatabaseProvider provider)
    {
        var (afterFirstStart, afterSecondStart) = await StartTwiceAsync(provider, "/api/workflow-definitions?limit=100");

        Assert.Contains("shop-payment-notice", afterFirstStart.Resource, StringComparison.Ordinal);
        Assert.Equal(afterFirstStart, afterSecondStart);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SecondStart_OnTheSameDatabase_SeedsNothingAgain(DatabaseProvider provider)
    {
        var (afterFirstStart, afterSecondStart) = await StartTwiceAsync(provider, "/api/regions/north-east/promoters?limit=100");

        Assert.True(afterFirstStart.OutboxEvents > 100, $"the first start emitted only {afterFirstStart.OutboxEvents} events");
        Assert.Equal(afterFirstStart, afterSecondStart);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Start_OnDatabaseThatAlreadyHasRegions_SeedsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var unseeded = HostFactory.On(database))
        {
            await new CommerceClient(unseeded.CreateClient()).DefineRegionAsync("our-own", "Our own region");
            await GrainRows.WaitUntilOutboxDispatchedAsync(database);
        }

        await using var seeding = HostFactory.On(database, SeedOnStart);
        var regions = await new CommerceClient(seeding.CreateClient()).GetAsync<RegionView[]>("/api/regions");

        Assert.Equal(["our-own"], regions.Select(r => r.Id));
    }

    /// <summary>Two seeding starts on one database; the store (and <paramref name="resourcePath"/>) after each.</summary>
    private static async Task<(StoreSnapshot First, StoreSnapshot Second)> StartTwiceAsync(DatabaseProvider provider, string resourcePath)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        StoreSnapshot afterFirstStart;
        await using (var first = HostFactory.On(database, SeedOnStart))
        {
            afterFirstStart = await StoreSnapshot.TakeAsync(first, first.CreateClient(), resourcePath);
        }

        await using var second = HostFactory.On(database, SeedOnStart);
        return (afterFirstStart, await StoreSnapshot.TakeAsync(second, second.CreateClient(), resourcePath));
    }
}
