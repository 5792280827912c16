using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Testing;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Instances;
using SocialCommerce.Workflows.Hosting;
using SocialCommerce.Workflows.Indexes;
using SocialCommerce.Workflows.Runtime;
using SocialCommerce.Workflows.Tests.Support;
using static SocialCommerce.Workflows.Tests.Support.Flow;

namespace SocialCommerce.Workflows.Tests.Runtime;

public sealed class InstanceRuntimeTests
{
    [Fact]
    public Task HostKilledMidInstance_ResumesExactlyWhereItStopped_Sqlite() => HostKilledMidInstance(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task HostKilledMidInstance_ResumesExactlyWhereItStopped_Postgres() => HostKilledMidInstance(DatabaseProvider.Postgres);

    [Fact]
    public Task SameStimulusTwice_ResumesOnce_Sqlite() => SameStimulusTwice(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task SameStimulusTwice_ResumesOnce_Postgres() => SameStimulusTwice(DatabaseProvider.Postgres);

    [Fact]
    public Task Incident_RetriesAutomaticallyWithBackoff_ThenOperatorRetryFinishes_Sqlite() => Incident(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Incident_RetriesAutomaticallyWithBackoff_ThenOperatorRetryFinishes_Postgres() => Incident(DatabaseProvider.Postgres);

    [Fact]
    public async Task StateBookmarksAndJournal_AreOneRowWrittenOncePerTurn()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await WorkflowNode.StartAsync(database, new FakeTimeProvider());
        await node.PublishAsync(DelayFlow());

        await node.Runtime().StartAsync(new StartWorkflowRequest("test-flow", "one-write"));

        Assert.Equal(1, await GrainRows.ScalarAsync(database, "SELECT version FROM grain_state WHERE grain_type = 'workflowInstance' AND grain_key = 'one-write'"));
        Assert.Equal(1, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM reminders WHERE grain_key = 'one-write'"));
        var state = await GrainRows.ReadStateAsync<WorkflowInstanceState>(database, "workflowInstance", "one-write");
        Assert.Equal((WorkflowStatus.Suspended, 1), (state!.Status, state.Bookmarks.Count));
        Assert.Contains(state.Journal, j => j.ActivityId == "wait" && j.Kind == JournalEntryKind.Suspended);
    }

    [Fact]
    public async Task StartingTheSameInstanceIdTwice_RunsItOnce()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await WorkflowNode.StartAsync(database, new FakeTimeProvider());
        await node.PublishAsync(Sequence(3));

        var first = await node.Runtime().StartAsync(new StartWorkflowRequest("test-flow", "once"));
        var again = await node.Runtime().StartAsync(new StartWorkflowRequest("test-flow", "once"));

        Assert.Equal((false, true), (first.AlreadyStarted, again.AlreadyStarted));
        Assert.Equal(8, (await node.Instances().JournalAsync("once", 0, 100)).Count);
    }

    [Fact]
    public async Task WaitForWebhook_ResumedByTokenThroughTheRuntime()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await WorkflowNode.StartAsync(database, new FakeTimeProvider());
        await node.PublishAsync(Define(
            [Node("start", "Start"), Node("wait", "WaitForWebhook", Literal("slug", "courier"), Literal("resultVariable", "body")), Node("end", "End")],
            [Done("start", "wait"), Done("wait", "end")], new VariableDefinition("body", VariableType.Json)));
        await node.Runtime().StartAsync(new StartWorkflowRequest("test-flow", "parcel-1"));
        await node.DispatchAsync();
        var token = (await node.Instances().GetAsync("parcel-1"))!.Output["resumeTokens"]!["wait"]!.GetValue<string>();

        var resumed = await node.Runtime().ResumeAsync(new ResumeWorkflowRequest("msg_1", ResumeToken: token, Payload: new JsonObject { ["signed"] = true }));

        Assert.Equal(["parcel-1"], resumed.InstanceIds);
        var instance = (await node.Instances().GetAsync("parcel-1"))!;
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.True(instance.Variables["body"]!["signed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task EventTrigger_StartsOneInstancePerEvent_AndListsFilterByStatusAndCorrelation()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await WorkflowNode.StartAsync(database, new FakeTimeProvider());
        await node.PublishAsync(Define(
            [Node("paid", "EventTrigger", Literal("eventName", "order.paid")), Node("wait", "Delay", Literal("duration", "01:00:00"))],
            [Done("paid", "wait")]));

        var first = await node.Events().PublishAsync(new Events.WorkflowEvent("evt-1", "order.paid", "order-1", new JsonObject { ["orderId"] = "order-1" }));
        var repeat = await node.Events().PublishAsync(new Events.WorkflowEvent("evt-1", "order.paid", "order-1", null));
        await node.Events().PublishAsync(new Events.WorkflowEvent("evt-2", "order.paid", "order-2", null));
        await node.DispatchAsync();

        Assert.Equal(first.Started, repeat.Started);
        var waiting = await node.Instances().ListAsync(new InstanceFilter("test-flow", WorkflowStatus.Suspended), 0, 10);
        Assert.Equal(2, waiting.Total);
        var one = await node.Instances().ListAsync(new InstanceFilter(CorrelationId: "order-2"), 0, 10);
        Assert.Equal("test-flow.evt-2", Assert.Single(one.Items).InstanceId);
        Assert.Single((await node.Instances().ListAsync(new InstanceFilter(), 1, 1)).Items);
    }

    private static async Task HostKilledMidInstance(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider();
        await using (var node = await WorkflowNode.StartAsync(database, clock))
        {
            await node.PublishAsync(DelayFlow());
            await node.Runtime().StartAsync(new StartWorkflowRequest("test-flow", "survivor"));
        }

        await using var restarted = await WorkflowNode.StartAsync(database, clock);
        Assert.Equal(WorkflowStatus.Suspended, (await restarted.Instances().GetAsync("survivor"))!.Status);
        await restarted.AdvanceAsync(clock, TimeSpan.FromHours(2));

        var instance = (await restarted.Instances().GetAsync("survivor"))!;
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        var journal = await restarted.Instances().JournalAsync("survivor", 0, 100);
        Assert.Equal(["start", "before", "wait", "after"], journal.Where(j => j.Kind == JournalEntryKind.Completed).Select(j => j.ActivityId));
        Assert.Single(journal, j => j.ActivityId == "before" && j.Kind == JournalEntryKind.Started);
        Assert.Equal(0, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM reminders"));
    }

    private static async Task SameStimulusTwice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = await WorkflowNode.StartAsync(database, new FakeTimeProvider());
        await node.PublishAsync(Define(
            [Node("start", "Start"), Node("wait", "WaitForEvent", Literal("eventName", "ping"), Literal("correlation", "c-1")),
             Node("count", "SetVariable", Literal("variable", "pings"), Literal("value", 1)), Node("again", "WaitForEvent", Literal("eventName", "ping"), Literal("correlation", "c-1"))],
            [Done("start", "wait"), Done("wait", "count"), Done("count", "again")], new VariableDefinition("pings", VariableType.Int)));
        await node.Runtime().StartAsync(new StartWorkflowRequest("test-flow", "pinged"));
        await node.DispatchAsync();

        var first = await node.Runtime().ResumeAsync(new ResumeWorkflowRequest("evt-1", BookmarkName: "event:ping", CorrelationId: "c-1"));
        await node.DispatchAsync();
        var second = await node.Runtime().ResumeAsync(new ResumeWorkflowRequest("evt-1", BookmarkName: "event:ping", CorrelationId: "c-1"));

        Assert.Equal((1, 0), (first.InstanceIds.Count, second.InstanceIds.Count));
        var journal = await node.Instances().JournalAsync("pinged", 0, 100);
        Assert.Single(journal, j => j.ActivityId == "count" && j.Kind == JournalEntryKind.Completed);
        Assert.Equal("again", (await node.Instances().GetAsync("pinged"))!.Bookmarks.Single().ActivityId);
    }

    private static async Task Incident(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider();
        var outage = new FlakyStep.Outage();
        await using var node = await WorkflowNode.StartAsync(database, clock, services =>
        {
            services.AddSingleton(outage);
            services.AddActivity<FlakyStep>();
        });
        await node.PublishAsync(Define([Node("start", "Start"), Node("call", "FlakyStep"), Node("end", "End")], [Done("start", "call"), Done("call", "end")]));
        var retryDelay = new WorkflowOptions().IncidentRetryDelay;

        await node.Runtime().StartAsync(new StartWorkflowRequest("test-flow", "flaky"));
        Assert.Equal((WorkflowStatus.Faulted, 1), await IncidentOf(node));
        await node.AdvanceAsync(clock, retryDelay, step: retryDelay);
        Assert.Equal((WorkflowStatus.Faulted, 2), await IncidentOf(node));
        await node.AdvanceAsync(clock, retryDelay, step: retryDelay);
        Assert.Equal((WorkflowStatus.Faulted, 2), await IncidentOf(node));
        await node.AdvanceAsync(clock, retryDelay, step: retryDelay);
        Assert.Equal((WorkflowStatus.Faulted, 3), await IncidentOf(node));

        outage.Down = false;
        var retried = await node.Instances().RetryAsync("flaky");

        Assert.Equal(WorkflowStatus.Finished, retried!.Status);
        Assert.Null(retried.Incident);
        Assert.Equal(3, (await node.Instances().JournalAsync("flaky", 0, 100)).Count(j => j.Kind == JournalEntryKind.Faulted));
        Assert.Equal(0, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM reminders"));
    }

    private static async Task<(WorkflowStatus, int)> IncidentOf(Testing.ClusterTestHost node)
    {
        var instance = (await node.Instances().GetAsync("flaky"))!;
        return (instance.Status, instance.Incident?.Attempts ?? 0);
    }

    private static WorkflowDefinition DelayFlow() => Define(
        [Node("start", "Start"), Node("before", "Log", Literal("message", "before")), Node("wait", "Delay", Literal("duration", "01:00:00")),
         Node("after", "Log", Literal("message", "after"))],
        [Done("start", "before"), Done("before", "wait"), Done("wait", "after")]);
}
