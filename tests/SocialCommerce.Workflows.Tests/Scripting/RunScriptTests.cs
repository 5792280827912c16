using System.Text.Json.Nodes;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Plugins.Registry;
using SocialCommerce.Testing;
using SocialCommerce.Workflows.Activities.Scripting;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Runtime;
using SocialCommerce.Workflows.Tests.Support;
using SocialCommerce.Workflows.Validation;
using static SocialCommerce.Workflows.Tests.Support.Flow;

namespace SocialCommerce.Workflows.Tests.Scripting;

public sealed class RunScriptTests
{
    private static readonly JsonArray Orders =
    [
        new JsonObject { ["regionId"] = "north-east", ["amountFen"] = 29_900, ["status"] = "completed" },
        new JsonObject { ["regionId"] = "south", ["amountFen"] = 10_050, ["status"] = "paid" },
        new JsonObject { ["regionId"] = "north-east", ["amountFen"] = 100, ["status"] = "paid" },
        new JsonObject { ["regionId"] = "south", ["amountFen"] = 99_999, ["status"] = "placed" },
    ];

    [Fact]
    public Task SamplePlugin_RunsWithMappedInputs_AndItsOutputsLandInVariables_Sqlite() => SamplePluginRuns(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task SamplePlugin_RunsWithMappedInputs_AndItsOutputsLandInVariables_Postgres() => SamplePluginRuns(DatabaseProvider.Postgres);

    [Fact]
    public Task PinnedVersion_CannotBeDeletedWhilePublished_AndCanAfterRetract_Sqlite() => PinnedVersion(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task PinnedVersion_CannotBeDeletedWhilePublished_AndCanAfterRetract_Postgres() => PinnedVersion(DatabaseProvider.Postgres);

    [Fact]
    public async Task ArgumentsExpressionThatDoesNotCompile_IsRefusedAtPublish_WithLineAndColumn()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await PluginNode.StartAsync(database, new FakeTimeProvider());
        await node.SaveSampleAsync("orders-by-region.csx");
        await node.Definitions().SaveDraftAsync(OrdersFlow(new InputValue { Expression = "new Dictionary<string, object?>\n{ [\"orders\"] = ordrs }" }));

        var refused = await Assert.ThrowsAsync<WorkflowValidationException>(() => node.Definitions().PublishAsync("test-flow"));

        var error = Assert.Single(refused.Errors);
        Assert.Equal((ValidationCodes.ExpressionError, "script", "arguments", 2, 16), (error.Code, error.ActivityId, error.Input, error.Line, error.Column));
        Assert.Contains("ordrs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPluginVersion_IsRefusedAtPublish_NamingTheActivity()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await PluginNode.StartAsync(database, new FakeTimeProvider());
        await node.SaveSampleAsync("orders-by-region.csx");
        await node.Definitions().SaveDraftAsync(OrdersFlow(InputValue.FromVariable("orders"), version: "9.9.9"));

        var refused = await Assert.ThrowsAsync<WorkflowValidationException>(() => node.Definitions().PublishAsync("test-flow"));

        var error = Assert.Single(refused.Errors);
        Assert.Equal((ValidationCodes.PluginError, "script"), (error.Code, error.ActivityId));
        Assert.Contains("orders-by-region 9.9.9", error.Message, StringComparison.Ordinal);
        Assert.Null((await node.Definitions().GetSummaryAsync("test-flow"))!.PublishedVersion);
    }

    [Fact]
    public async Task ArgumentThePluginDoesNotTake_IsRefusedAtPublish()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await PluginNode.StartAsync(database, new FakeTimeProvider());
        await node.SaveSampleAsync("orders-by-region.csx");
        await node.Definitions().SaveDraftAsync(OrdersFlow(InputValue.Of(new JsonObject { ["order"] = new JsonArray() })));

        var refused = await Assert.ThrowsAsync<WorkflowValidationException>(() => node.Definitions().PublishAsync("test-flow"));

        Assert.Contains("passes 'order'", Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
        // The refused publish left no pin behind: the version can still be deleted.
        await node.Plugins().DeleteAsync("orders-by-region", "1.0.0");
    }

    [Fact]
    public async Task ScriptThatThrows_BecomesAnIncidentWithItsMessage_AndOtherInstancesStillRun()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await PluginNode.StartAsync(database, new FakeTimeProvider());
        await node.SaveScriptAsync("broken", "throw new InvalidOperationException(\"the evidence list is empty\");");
        await node.PublishAsync(ScriptFlow("broken"));

        await node.Runtime().StartAsync(new StartWorkflowRequest("test-flow", "throws"));

        var instance = (await node.Instances().GetAsync("throws"))!;
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Equal("script", instance.Incident!.ActivityId);
        Assert.Contains("the evidence list is empty", instance.Incident.Message, StringComparison.Ordinal);
        Assert.Contains("broken 1.0.0", instance.Incident.Message, StringComparison.Ordinal);
        await AnotherScriptStillRunsAsync(node);
    }

    [Fact]
    public async Task InfiniteLoop_IsStoppedByTheBudget_AndBecomesAnIncident_AndOtherInstancesStillRun()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await PluginNode.StartAsync(database, new FakeTimeProvider());
        await node.SaveScriptAsync("spinner", "var n = 0L; while (true) { n++; }");
        await node.PublishAsync(ScriptFlow("spinner"));

        await node.Runtime().StartAsync(new StartWorkflowRequest("test-flow", "spins"));

        var instance = (await node.Instances().GetAsync("spins"))!;
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("script exceeded its budget", instance.Incident!.Message, StringComparison.Ordinal);
        await AnotherScriptStillRunsAsync(node);
    }

    private static async Task SamplePluginRuns(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = await PluginNode.StartAsync(database, new FakeTimeProvider());
        await node.SaveSampleAsync("orders-by-region.csx");
        await node.PublishAsync(OrdersFlow(InputValue.FromExpression("new Dictionary<string, object?> { [\"orders\"] = orders }")));

        await node.Runtime().StartAsync(new StartWorkflowRequest("test-flow", "shaped", Input: new JsonObject { ["orders"] = Orders.DeepClone() }));

        var instance = (await node.Instances().GetAsync("shaped"))!;
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Equal(40_050, instance.Variables["total"]!.GetValue<long>());
        var rows = instance.Variables["rows"]!.AsArray();
        Assert.Equal(["north-east", "south"], rows.Select(r => r!["regionId"]!.GetValue<string>()));
        Assert.Equal(30_000, rows[0]!["amountFen"]!.GetValue<long>());
    }

    private static async Task PinnedVersion(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = await PluginNode.StartAsync(database, new FakeTimeProvider());
        await node.SaveSampleAsync("orders-by-region.csx");
        await node.PublishAsync(OrdersFlow(InputValue.FromVariable("orders")));

        var pinned = await Assert.ThrowsAsync<PluginVersionPinnedException>(() => node.Plugins().DeleteAsync("orders-by-region", "1.0.0"));
        Assert.Equal([PluginPins.PinnedBy("test-flow", 1)], pinned.PinnedBy);

        await node.Definitions().RetractAsync("test-flow");
        await node.Plugins().DeleteAsync("orders-by-region", "1.0.0");
        Assert.Null(await node.Plugins().GetAsync("orders-by-region", "1.0.0"));
    }

    private static async Task AnotherScriptStillRunsAsync(Testing.ClusterTestHost node)
    {
        await node.SaveScriptAsync("fine", "Log.Info(\"ok\");");
        await node.PublishAsync(ScriptFlow("fine") with { Id = "fine-flow" });
        await node.Runtime().StartAsync(new StartWorkflowRequest("fine-flow", "fine-1"));
        Assert.Equal(WorkflowStatus.Finished, (await node.Instances().GetAsync("fine-1"))!.Status);
    }

    /// <summary>Start → RunScript(orders-by-region) → End, orders from the input, outputs into total and rows.</summary>
    private static WorkflowDefinition OrdersFlow(InputValue arguments, string version = "1.0.0") => Define(
        [
            Node("start", "Start"),
            Node("script", "RunScript", Literal("plugin", "orders-by-region"), Literal("pluginVersion", version), ("arguments", arguments),
                Literal("outputs", new JsonObject { ["totalFen"] = "total", ["byRegion"] = "rows" })),
            Node("end", "End"),
        ],
        [Done("start", "script"), Done("script", "end")],
        new VariableDefinition("total", VariableType.Int), new VariableDefinition("rows", VariableType.Json))
        with { Inputs = [new WorkflowInputDefinition("orders", VariableType.Json)] };

    private static WorkflowDefinition ScriptFlow(string plugin) => Define(
        [Node("start", "Start"), Node("script", "RunScript", Literal("plugin", plugin), Literal("pluginVersion", "1.0.0")), Node("end", "End")],
        [Done("start", "script"), Done("script", "end")]);
}
