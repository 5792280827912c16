using SocialCommerce.Cluster;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Testing;
using SocialCommerce.Workflows.Runtime;
using SocialCommerce.Workflows.Webhooks;

namespace SocialCommerce.Workflows.Tests.Webhooks;

public sealed class WebhookDeliveryTests
{
    [Fact]
    public Task SameWebhookTwice_StartsOneInstance_RepeatGetsFirstReceipt_Sqlite() => SameWebhookTwice(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task SameWebhookTwice_StartsOneInstance_RepeatGetsFirstReceipt_Postgres() => SameWebhookTwice(DatabaseProvider.Postgres);

    [Fact]
    public Task HostKilledAfterAccepting_DispatchesOnRestartExactlyOnce_Sqlite() => HostKilledAfterAccepting(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task HostKilledAfterAccepting_DispatchesOnRestartExactlyOnce_Postgres() => HostKilledAfterAccepting(DatabaseProvider.Postgres);

    [Fact]
    public async Task Accept_StoresRequestAndEventInOneCommit_BeforeAnyDispatch()
    {
        await using var database = TestDatabase.CreateSqlite();
        var runtime = new RecordingWorkflowRuntime();
        await using var node = await WebhookNode.StartAsync(database, runtime);

        var receipt = await node.AcceptAsync(WebhookNode.Request("shop-paid", "msg_1"));

        Assert.Equal(1, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM grain_state WHERE grain_type = 'webhookDelivery'"));
        Assert.Equal(1, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM outbox WHERE event_type = 'webhook.accepted'"));
        Assert.Empty(runtime.Starts);
        Assert.StartsWith("wfi_", receipt.InstanceId);
    }

    [Fact]
    public async Task ResumeHook_ByCorrelation_ResumesTheWaitingInstance_WithDeliveryAsStimulus()
    {
        await using var database = TestDatabase.CreateSqlite();
        var runtime = new RecordingWorkflowRuntime();
        runtime.Wait("wf-7", bookmark: WebhookBookmarks.NameFor("courier-signed"), correlation: "order-7");
        await using var node = await WebhookNode.StartAsync(database, runtime);

        var receipt = await node.AcceptAsync(WebhookNode.Request("courier-signed", "msg_1", """{"orderId":"order-7"}""", WebhookMode.Resume,
            correlation: "order-7"));
        await node.DispatchAsync();

        var resume = Assert.Single(runtime.Resumes);
        Assert.Equal(WebhookIds.StimulusId(receipt.DeliveryId), resume.StimulusId);
        Assert.Equal("order-7", resume.Payload!["orderId"]!.GetValue<string>());
        var entry = await node.Log().GetAsync(receipt.DeliveryId, default);
        Assert.Equal(WebhookDeliveryStatus.Resumed, entry!.Status);
        Assert.Equal(["wf-7"], entry.InstanceIds);
    }

    [Fact]
    public async Task ResumeHook_ByToken_ResumesOnlyThatBookmark()
    {
        await using var database = TestDatabase.CreateSqlite();
        var runtime = new RecordingWorkflowRuntime();
        runtime.Wait("wf-1", token: "tok-1");
        runtime.Wait("wf-2", token: "tok-2");
        await using var node = await WebhookNode.StartAsync(database, runtime);

        var receipt = await node.AcceptAsync(WebhookNode.Request("approve", "msg_1", """{"approved":true}""", WebhookMode.Resume, token: "tok-2"));
        await node.DispatchAsync();

        Assert.Equal("tok-2", Assert.Single(runtime.Resumes).ResumeToken);
        Assert.Equal(["wf-2"], (await node.Log().GetAsync(receipt.DeliveryId, default))!.InstanceIds);
    }

    [Fact]
    public async Task ResumeHook_NobodyWaiting_IsLoggedAsNoMatch()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await WebhookNode.StartAsync(database, new RecordingWorkflowRuntime());

        var receipt = await node.AcceptAsync(WebhookNode.Request("approve", "msg_1", "{}", WebhookMode.Resume, correlation: "x"));
        await node.DispatchAsync();

        Assert.Equal(WebhookDeliveryStatus.NoMatch, (await node.Log().GetAsync(receipt.DeliveryId, default))!.Status);
    }

    [Fact]
    public async Task UnpublishedDefinition_IsLoggedAsFailed_AndNotRetried()
    {
        await using var database = TestDatabase.CreateSqlite();
        var runtime = new RecordingWorkflowRuntime();
        runtime.PublishedDefinitions.Clear();
        await using var node = await WebhookNode.StartAsync(database, runtime);

        var receipt = await node.AcceptAsync(WebhookNode.Request("shop-paid", "msg_1"));
        await node.DispatchAsync();
        await node.DispatchAsync();

        var entry = await node.Log().GetAsync(receipt.DeliveryId, default);
        Assert.Equal(WebhookDeliveryStatus.Failed, entry!.Status);
        Assert.Contains("publish it first", entry.Error);
        Assert.Single(runtime.Starts);
    }

    [Fact]
    public async Task PublishedDefinitionWithWebhookTrigger_CreatesItsHook_RetractDisablesIt_RepublishEnables()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await WebhookNode.StartAsync(database, new RecordingWorkflowRuntime());
        var source = node.Grains.Get<IDefinitionEventsGrain>("onboarding");

        await source.EmitAsync(new WorkflowDefinitionPublished("onboarding", 1, "Onboarding",
            [new PublishedTrigger("t1", "WebhookTrigger", new Dictionary<string, string> { ["slug"] = "signup" })]));
        await node.DispatchAsync();
        var created = await node.Grains.Get<IWebhookGrain>("signup").GetAsync();
        await source.EmitAsync(new WorkflowDefinitionRetracted("onboarding"));
        await node.DispatchAsync();
        var retracted = await node.Grains.Get<IWebhookGrain>("signup").GetAsync();
        await source.EmitAsync(new WorkflowDefinitionPublished("onboarding", 2, "Onboarding",
            [new PublishedTrigger("t1", "WebhookTrigger", new Dictionary<string, string> { ["slug"] = "signup" })]));
        await node.DispatchAsync();

        Assert.True(created!.Enabled && created.CreatedByTrigger);
        Assert.Equal("onboarding", created.DefinitionId);
        Assert.False(retracted!.Enabled);
        Assert.True((await node.Grains.Get<IWebhookGrain>("signup").GetAsync())!.Enabled);
        Assert.Equal(["signup"], await node.Grains.Get<IWebhookIndexGrain>(IWebhookIndexGrain.AllKey).ListAsync());
    }

    [Fact]
    public async Task PublishedTrigger_ForASlugOwnedByAnotherDefinition_LeavesThatHookAlone()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await WebhookNode.StartAsync(database, new RecordingWorkflowRuntime());
        await node.Grains.Get<IWebhookGrain>("signup").CreateAsync(new NewWebhook("returns", WebhookMode.Resume));

        await node.Grains.Get<IDefinitionEventsGrain>("onboarding").EmitAsync(new WorkflowDefinitionPublished("onboarding", 1, "Onboarding",
            [new PublishedTrigger("t1", "WebhookTrigger", new Dictionary<string, string> { ["slug"] = "signup" })]));
        await node.DispatchAsync();

        var hook = await node.Grains.Get<IWebhookGrain>("signup").GetAsync();
        Assert.Equal("returns", hook!.DefinitionId);
        Assert.Equal(WebhookMode.Resume, hook.Mode);
    }

    private static async Task SameWebhookTwice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var runtime = new RecordingWorkflowRuntime();
        await using var node = await WebhookNode.StartAsync(database, runtime);

        var first = await node.AcceptAsync(WebhookNode.Request("shop-paid", "msg_1"));
        var repeat = await node.AcceptAsync(WebhookNode.Request("shop-paid", "msg_1"));
        await node.DispatchAsync();

        Assert.False(first.Repeat);
        Assert.True(repeat.Repeat);
        Assert.Equal((first.DeliveryId, first.InstanceId), (repeat.DeliveryId, repeat.InstanceId));
        Assert.Equal(first.InstanceId, Assert.Single(runtime.Starts).InstanceId);
        Assert.Equal(1, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM webhook_deliveries"));
    }

    private static async Task HostKilledAfterAccepting(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var runtime = new RecordingWorkflowRuntime();
        WebhookReceipt receipt;
        await using (var killed = await WebhookNode.StartAsync(database, runtime))
        {
            receipt = await killed.AcceptAsync(WebhookNode.Request("shop-paid", "msg_1"));
        }
        Assert.Empty(runtime.Starts);

        await using (var restarted = await WebhookNode.StartAsync(database, runtime))
        {
            await restarted.DispatchAsync();
        }
        await using (var again = await WebhookNode.StartAsync(database, runtime))
        {
            await GrainRows.QueryAsync(database, "UPDATE outbox SET dispatched_at = NULL"); // the "dispatched" mark lost too
            await again.DispatchAsync();
        }

        Assert.Equal(receipt.InstanceId, Assert.Single(runtime.Starts).InstanceId);
        Assert.Equal("Started", await GrainRows.QueryAsync(database, "SELECT status FROM webhook_deliveries"));
    }
}

/// <summary>Stands in for the engine's definition grain: emits its published/retracted events through the outbox.</summary>
public interface IDefinitionEventsGrain : IGrain
{
    Task EmitAsync(object definitionEvent);
}

public sealed class DefinitionEventsState
{
    public int Emitted { get; set; }
}

public sealed class DefinitionEventsGrain(IGrainState<DefinitionEventsState> state) : IDefinitionEventsGrain
{
    public async Task EmitAsync(object definitionEvent)
    {
        state.State.Emitted++;
        state.Emit(definitionEvent);
        await state.WriteAsync();
    }
}
