using System.Text;
using Microsoft.Extensions.Configuration;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Testing;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Hosting;
using SocialCommerce.Workflows.Instances;
using SocialCommerce.Workflows.Services;
using SocialCommerce.Workflows.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using static SocialCommerce.Workflows.Tests.Support.Flow;

namespace SocialCommerce.Workflows.Tests.Webhooks;

/// <summary>Webhooks against the real engine (AddWorkflows), not the double: publish, deliver, start, wait, resume.</summary>
public sealed class WebhookEngineTests
{
    [Fact]
    public Task PublishedWebhookTrigger_DeliveryStartsARealInstance_ResumeHookFinishesIt_Sqlite() => EndToEnd(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task PublishedWebhookTrigger_DeliveryStartsARealInstance_ResumeHookFinishesIt_Postgres() => EndToEnd(DatabaseProvider.Postgres);

    private static async Task EndToEnd(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = await ClusterTestHost.StartAsync(database, services =>
        {
            services.AddWorkflows(new ConfigurationBuilder().Build());
            services.AddWebhookTriggers();
        }, WebhookNode.ManualDispatch);
        var definitions = node.Services.GetRequiredService<WorkflowDefinitionService>();
        var saved = await definitions.SaveDraftAsync(Define(
            [
                Node("hook", "WebhookTrigger", Literal("slug", "signup")),
                Node("confirm", "WaitForWebhook", Literal("slug", "signup-confirm"), Literal("correlation", "p1"), Literal("resultVariable", "confirmation")),
                Node("end", "End"),
            ],
            [Done("hook", "confirm"), Done("confirm", "end")],
            new VariableDefinition("confirmation", VariableType.Json)) with { Id = "signup-flow" });
        Assert.Empty(saved.Errors);
        await definitions.PublishAsync("signup-flow");
        await DrainAsync(node);
        await node.Grains.Get<IWebhookGrain>("signup-confirm").CreateAsync(new NewWebhook("signup-flow", WebhookMode.Resume));

        var gate = await node.Grains.Get<IWebhookGrain>("signup").GetGateAsync();
        var start = await node.AcceptAsync(WebhookNode.Request("signup", "msg_1", """{"promoterId":"p1"}""") with
        {
            DefinitionId = gate!.DefinitionId, TriggerActivityId = gate.TriggerActivityId,
        });
        await DrainAsync(node);
        var waiting = await node.Grains.Get<IWorkflowInstanceGrain>(start.InstanceId!).GetAsync();
        var resume = await node.AcceptAsync(WebhookNode.Request("signup-confirm", "msg_2", """{"confirmed":true}""", WebhookMode.Resume, correlation: "p1"));
        await DrainAsync(node);
        var finished = await node.Grains.Get<IWorkflowInstanceGrain>(start.InstanceId!).GetAsync();

        Assert.Equal("hook", gate.TriggerActivityId);
        Assert.Equal(WorkflowStatus.Suspended, waiting!.Status);
        Assert.Equal(WorkflowStatus.Finished, finished!.Status);
        Assert.Equal(WebhookDeliveryStatus.Resumed, (await node.Log().GetAsync(resume.DeliveryId, default))!.Status);
        Assert.Equal([start.InstanceId!], (await node.Log().GetAsync(resume.DeliveryId, default))!.InstanceIds);
    }

    /// <summary>Dispatches until the outbox is empty: engine turns emit events of their own.</summary>
    private static async Task DrainAsync(ClusterTestHost node)
    {
        for (var pass = 0; pass < 10 && await node.DispatchAsync() > 0; pass++)
        {
        }
    }
}
