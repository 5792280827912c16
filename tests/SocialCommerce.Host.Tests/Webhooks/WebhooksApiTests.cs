using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialCommerce.Cluster;
using SocialCommerce.Host.Webhooks;
using SocialCommerce.Workflows.Webhooks;

namespace SocialCommerce.Host.Tests.Webhooks;

public sealed class WebhooksApiTests
{
    [Fact]
    public async Task Create_ReturnsTheSecretOnce_GetAndListNeverShowIt()
    {
        await using var host = await WebhookHost.StartAsync();

        var issued = await host.CreateHookAsync("shop-paid");
        var get = await host.Client.GetStringAsync("/api/webhooks/shop-paid");
        var list = await WaitForListAsync(host, "shop-paid");

        Assert.StartsWith("whsec_", issued.Secret);
        Assert.DoesNotContain("whsec_", get);
        Assert.DoesNotContain("whsec_", list);
        Assert.Equal("start", JsonNode.Parse(get)!["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_InvalidInput_Is400_NamingEachField()
    {
        await using var host = await WebhookHost.StartAsync();

        var response = await host.Client.PostAsJsonAsync("/api/webhooks", new { slug = "Bad Slug!", rateLimitPerSecond = 0 });
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["definitionId", "mode", "rateLimitPerSecond", "slug"], errors.Select(e => e.Key).Order());
    }

    [Fact]
    public async Task Create_ExistingSlug_Is409()
    {
        await using var host = await WebhookHost.StartAsync();
        await host.CreateHookAsync("shop-paid");

        var response = await host.Client.PostAsJsonAsync("/api/webhooks", new { slug = "shop-paid", definitionId = "other", mode = "start" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Delete_MakesTheHookUnknown_ToSendersAndTheApi()
    {
        await using var host = await WebhookHost.StartAsync();
        var hook = await host.CreateHookAsync("shop-paid");

        var deleted = await host.Client.DeleteAsync("/api/webhooks/shop-paid");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/webhooks/shop-paid")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.DeliverAsync("shop-paid", hook.Secret, "{}")).StatusCode);
    }

    [Fact]
    public async Task DisableThenEnable_RefusesWith410ThenAcceptsAgain()
    {
        await using var host = await WebhookHost.StartAsync();
        var hook = await host.CreateHookAsync("shop-paid");

        await host.Client.PostAsync("/api/webhooks/shop-paid/disable", null);
        var whileDisabled = await host.DeliverAsync("shop-paid", hook.Secret, "{}");
        await host.Client.PostAsync("/api/webhooks/shop-paid/enable", null);
        var afterEnable = await host.DeliverAsync("shop-paid", hook.Secret, "{}");

        Assert.Equal(HttpStatusCode.Gone, whileDisabled.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, afterEnable.StatusCode);
    }

    [Fact]
    public async Task Deliveries_ArePagedAndFilteredByStatus()
    {
        await using var host = await WebhookHost.StartAsync();
        var hook = await host.CreateHookAsync("shop-paid");
        var accepted = await (await host.DeliverAsync("shop-paid", hook.Secret, "{}")).Content.ReadFromJsonAsync<HookAccepted>();
        await host.WaitForSettledAsync(accepted!.DeliveryId);
        await host.DeliverAsync("shop-paid", WebhookSecret.Generate(), "{}");

        var started = await PageAsync(host, "/api/webhooks/shop-paid/deliveries?status=started");
        var refused = await PageAsync(host, "/api/webhooks/shop-paid/deliveries?status=refused");
        var firstOfAll = await PageAsync(host, "/api/webhooks/shop-paid/deliveries?limit=1");
        var unknownStatus = await host.Client.GetAsync("/api/webhooks/shop-paid/deliveries?status=lost");

        Assert.Equal(accepted.DeliveryId, Assert.Single(started.Items).DeliveryId);
        Assert.Equal(WebhookVerification.BadSignature, Assert.Single(refused.Items).Verification);
        Assert.Equal((2, 1), (firstOfAll.Total, firstOfAll.Items.Count));
        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus.StatusCode);
    }

    [Fact]
    public async Task GetDelivery_ShowsRedactedHeadersAndTheStoredBody()
    {
        await using var host = await WebhookHost.StartAsync();
        var hook = await host.CreateHookAsync("shop-paid");
        var request = WebhookHost.Signed("shop-paid", hook.Secret, """{"promoterId":"p1"}"""u8.ToArray(), "msg_1", DateTimeOffset.UtcNow);
        request.Headers.Authorization = new("Bearer", "sender-token");
        var accepted = await (await host.Client.SendAsync(request)).Content.ReadFromJsonAsync<HookAccepted>();
        await host.WaitForSettledAsync(accepted!.DeliveryId);

        var detail = await host.Client.GetFromJsonAsync<WebhookDeliveryDetail>($"/api/webhooks/shop-paid/deliveries/{accepted.DeliveryId}", ClusterJson.Options);

        Assert.Equal("""{"promoterId":"p1"}""", detail!.Body);
        Assert.Equal(WebhookHeaderRedaction.Redacted, detail.Delivery.Headers["authorization"]);
        Assert.Equal(WebhookHeaderRedaction.Redacted, detail.Delivery.Headers["webhook-signature"]);
        Assert.Equal("msg_1", detail.Delivery.Headers["webhook-id"]);
        Assert.Equal([accepted.InstanceId!], detail.Delivery.InstanceIds);
    }

    [Fact]
    public async Task Replay_DispatchesAgainAsANewDelivery_LinkedToTheOriginal()
    {
        await using var host = await WebhookHost.StartAsync();
        var hook = await host.CreateHookAsync("shop-paid");
        var original = await (await host.DeliverAsync("shop-paid", hook.Secret, """{"promoterId":"p1"}""")).Content.ReadFromJsonAsync<HookAccepted>();
        await host.WaitForSettledAsync(original!.DeliveryId);

        var response = await host.Client.PostAsync($"/api/webhooks/shop-paid/deliveries/{original.DeliveryId}/replay", null);
        var replay = await response.Content.ReadFromJsonAsync<HookAccepted>();
        var entry = await host.WaitForSettledAsync(replay!.DeliveryId);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.NotEqual(original.DeliveryId, replay.DeliveryId);
        Assert.Equal(original.DeliveryId, entry.ReplayOf);
        Assert.Equal([original.InstanceId, replay.InstanceId], host.Runtime.Starts.Select(s => s.InstanceId));
        Assert.Equal("p1", host.Runtime.Starts.Last().Input!["promoterId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Replay_OfARefusedDelivery_Is409_SayingNothingWasStored()
    {
        await using var host = await WebhookHost.StartAsync();
        await host.CreateHookAsync("shop-paid");
        await host.DeliverAsync("shop-paid", WebhookSecret.Generate(), "{}");
        var refused = Assert.Single((await PageAsync(host, "/api/webhooks/shop-paid/deliveries")).Items);

        var response = await host.Client.PostAsync($"/api/webhooks/shop-paid/deliveries/{refused.DeliveryId}/replay", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("no request was stored", await response.Content.ReadAsStringAsync());
    }

    private static async Task<WebhookLogPage> PageAsync(WebhookHost host, string url) =>
        (await host.Client.GetFromJsonAsync<WebhookLogPage>(url, ClusterJson.Options))!;

    /// <summary>The list follows hook creation through the outbox; wait until it shows the slug.</summary>
    private static async Task<string> WaitForListAsync(WebhookHost host, string slug)
    {
        var list = "";
        await WebhookHost.EventuallyAsync(async () => (list = await host.Client.GetStringAsync("/api/webhooks")).Contains($"\"slug\":\"{slug}\"", StringComparison.Ordinal),
            $"/api/webhooks did not list '{slug}' within 20 s.");
        return list;
    }
}
