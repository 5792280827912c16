using System.Text.Json.Nodes;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Testing;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Runtime;
using SocialCommerce.Workflows.Tests.Support;
using SocialCommerce.Workflows.Validation;
using static SocialCommerce.Workflows.Tests.Support.Flow;

namespace SocialCommerce.Workflows.Tests.Runtime;

public sealed class DefinitionLifecycleTests
{
    [Fact]
    public Task InstancesKeepTheirVersion_NewStartsTakeTheLatest_Sqlite() => InstancesKeepTheirVersion(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task InstancesKeepTheirVersion_NewStartsTakeTheLatest_Postgres() => InstancesKeepTheirVersion(DatabaseProvider.Postgres);

    [Fact]
    public Task PublishEmitsTriggerSettings_AndListsShowTheDefinition_Sqlite() => PublishEmitsTriggerSettings(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task PublishEmitsTriggerSettings_AndListsShowTheDefinition_Postgres() => PublishEmitsTriggerSettings(DatabaseProvider.Postgres);

    [Fact]
    public async Task InvalidDraft_IsSavedWithItsErrors_ButNotPublished()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await WorkflowNode.StartAsync(database, new FakeTimeProvider());

        var saved = await node.Definitions().SaveDraftAsync(Define([Node("start", "Start"), Node("wait", "Delay")], [Done("start", "wait")]));

        Assert.Equal(ValidationCodes.MissingInput, Assert.Single(saved.Errors).Code);
        var refused = await Assert.ThrowsAsync<WorkflowValidationException>(() => node.Definitions().PublishAsync("test-flow"));
        Assert.Equal("wait", Assert.Single(refused.Errors).ActivityId);
    }

    [Fact]
    public async Task Retracted_StartsNothing_ExportImportRoundTrips()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await WorkflowNode.StartAsync(database, new FakeTimeProvider());
        await node.PublishAsync(Sequence(2));

        await node.Definitions().RetractAsync("test-flow");

        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => node.Runtime().StartAsync(new StartWorkflowRequest("test-flow", "i-1")));
        var json = await node.Definitions().ExportAsync("test-flow", 1);
        var imported = await node.Definitions().ImportAsync(json!, asDefinitionId: "clone");
        Assert.Equal(("clone", 1, DefinitionStatus.Draft), (imported.Draft.Id, imported.Draft.Version, imported.Draft.Status));
        Assert.Equal(3, imported.Draft.Root.Activities.Count);
    }

    private static async Task InstancesKeepTheirVersion(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = await WorkflowNode.StartAsync(database, new FakeTimeProvider());
        var v1 = Define([Node("start", "Start"), Node("wait", "Delay", Literal("duration", "01:00:00"))], [Done("start", "wait")]);
        await node.PublishAsync(v1);
        var first = await node.Runtime().StartAsync(new StartWorkflowRequest("test-flow", "on-v1"));

        await node.PublishAsync(v1 with { Root = v1.Root with { Activities = [.. v1.Root.Activities, Node("end", "End")], Connections = [.. v1.Root.Connections, Done("wait", "end")] } });
        var second = await node.Runtime().StartAsync(new StartWorkflowRequest("test-flow", "on-v2"));

        Assert.Equal((1, 2), (first.Version, second.Version));
        Assert.Equal(1, (await node.Instances().GetAsync("on-v1"))!.Version);
        Assert.Equal([1, 2], (await node.Definitions().VersionsAsync("test-flow")).Select(v => v.Version));
        Assert.Equal(2, (await node.Definitions().GetAsync("test-flow"))!.Version);
    }

    private static async Task PublishEmitsTriggerSettings(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = await WorkflowNode.StartAsync(database, new FakeTimeProvider());
        var definition = Define([Node("hook", "WebhookTrigger", Literal("slug", "shop-paid")), Node("log", "Log", Literal("message", "paid"))], [Done("hook", "log")]);

        await node.Definitions().SaveDraftAsync(definition);
        await node.Definitions().PublishAsync("test-flow");

        var payload = await GrainRows.QueryAsync(database, "SELECT payload FROM outbox WHERE event_type = 'workflow.definition-published'");
        var trigger = JsonNode.Parse((string)payload!)!["triggers"]![0]!;
        Assert.Equal(("hook", "WebhookTrigger", "shop-paid"),
            (trigger["activityId"]!.GetValue<string>(), trigger["type"]!.GetValue<string>(), trigger["settings"]!["slug"]!.GetValue<string>()));
        await node.DispatchAsync();
        var listed = Assert.Single((await node.Definitions().ListAsync(0, 10)).Items);
        Assert.Equal(("test-flow", 1, (int?)null), (listed.DefinitionId, listed.PublishedVersion, listed.DraftVersion));
    }
}
