using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Host.Tests.Support;
using SocialCommerce.Host.Tests.Webhooks;

namespace SocialCommerce.Host.Tests.Workflows;

/// <summary>The real engine behind /hooks/{slug}: a published WebhookTrigger owns its hook, and signed deliveries start instances.</summary>
public sealed class WorkflowWebhookTests
{
    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task PublishedWebhookTrigger_SignedDelivery_StartsAnInstanceThatCompletes_SameWebhookIdTwice_OneInstance(DatabaseProvider provider)
    {
        await using var api = await WorkflowApi.StartAsync(provider);
        var definition = WorkflowApi.Definition("from-shop");
        var activities = definition["root"]!["activities"]!.AsArray();
        activities[0] = new JsonObject
        {
            ["id"] = "start", ["type"] = "WebhookTrigger", ["inputs"] = new JsonObject { ["slug"] = new JsonObject { ["literal"] = "shop-orders" } },
        };
        await api.PublishedAsync(definition);
        await api.SettledAsync();
        var secret = (string)(await WorkflowApi.ExpectAsync(HttpStatusCode.OK, await api.Client.PostAsync("/api/webhooks/shop-orders/rotate-secret?graceHours=0", null)))["secret"]!;
        var body = Encoding.UTF8.GetBytes("""{"orderId":"o-1"}""");

        var first = await api.Client.SendAsync(WebhookHost.Signed("shop-orders", secret, body, "msg_1", DateTimeOffset.UtcNow));
        var repeat = await api.Client.SendAsync(WebhookHost.Signed("shop-orders", secret, body, "msg_1", DateTimeOffset.UtcNow));
        var accepted = await WorkflowApi.ExpectAsync(HttpStatusCode.Accepted, first);
        await api.SettledAsync();
        var instance = await api.InstanceAsync((string)accepted["instanceId"]!);
        var instances = await api.GetAsync("/api/workflow-instances?definitionId=from-shop");

        Assert.Equal(HttpStatusCode.Accepted, repeat.StatusCode);
        Assert.Equal((string?)accepted["instanceId"], (string?)(await WorkflowApi.ExpectAsync(HttpStatusCode.Accepted, repeat))["instanceId"]);
        Assert.Equal("finished", (string?)instance["status"]);
        Assert.Equal(1, (int)instances["total"]!);
    }
}
