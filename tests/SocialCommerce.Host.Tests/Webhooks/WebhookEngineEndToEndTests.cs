using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialCommerce.Cluster;
using SocialCommerce.Host.Webhooks;
using SocialCommerce.Workflows.Webhooks;

namespace SocialCommerce.Host.Tests.Webhooks;

/// <summary>The whole path over HTTP with the host's own engine: publish a definition, its hook appears, a signed delivery runs it.</summary>
public sealed class WebhookEngineEndToEndTests
{
    [Fact]
    public async Task PublishedWebhookTrigger_SignedDelivery_RunsTheWorkflowToTheEnd()
    {
        await using var host = await HostFactory.CreateAsync();
        var client = host.CreateClient();
        var definition = JsonNode.Parse("""
            {"id":"signup-flow","name":"Sign-up","root":{
              "activities":[
                {"id":"hook","type":"WebhookTrigger","inputs":{"slug":{"literal":"signup"}}},
                {"id":"log","type":"Log","inputs":{"message":{"literal":"signed up"}}}],
              "connections":[{"source":"hook","outcome":"Done","target":"log"}]}}
            """);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/workflow-definitions", definition)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/workflow-definitions/signup-flow/publish", null)).StatusCode);
        await WebhookHost.EventuallyAsync(async () => (await client.GetAsync("/api/webhooks/signup")).StatusCode == HttpStatusCode.OK);
        var issued = await (await client.PostAsync("/api/webhooks/signup/rotate-secret?graceHours=0", null))
            .Content.ReadFromJsonAsync<WebhookSecretIssued>(ClusterJson.Options);

        var body = """{"promoterId":"p1"}"""u8.ToArray();
        var response = await client.SendAsync(WebhookHost.Signed("signup", issued!.Secret, body, "msg_1", DateTimeOffset.UtcNow));
        var accepted = await response.Content.ReadFromJsonAsync<HookAccepted>();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await WebhookHost.EventuallyAsync(async () =>
        {
            var instance = await client.GetAsync($"/api/workflow-instances/{accepted!.InstanceId}");
            return instance.StatusCode == HttpStatusCode.OK &&
                JsonNode.Parse(await instance.Content.ReadAsStringAsync())!["status"]!.ToString().Equals("finished", StringComparison.OrdinalIgnoreCase);
        });
        // The delivery log is written by the dispatcher after the start returns, so it can trail the finished instance.
        WebhookLogPage? log = null;
        await WebhookHost.EventuallyAsync(async () =>
        {
            log = await client.GetFromJsonAsync<WebhookLogPage>("/api/webhooks/signup/deliveries?status=started", ClusterJson.Options);
            return log!.Items.Count > 0;
        });
        Assert.Equal([accepted!.InstanceId!], Assert.Single(log!.Items).InstanceIds);
    }
}
