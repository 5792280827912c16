using System.Text.Json.Nodes;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Tests.Support;
using static SocialCommerce.Workflows.Tests.Support.Flow;

namespace SocialCommerce.Workflows.Tests.Execution;

public sealed class ExecutorTests
{
    private readonly WorkflowEngine _engine = new();

    [Fact]
    public async Task Sequence_RunsEveryStepInOrderAndFinishes()
    {
        var execution = await _engine.StartAsync(Sequence(10));

        Assert.Equal(WorkflowStatus.Finished, execution.Status);
        Assert.Equal(10L, execution.GetVariable("counter"));
        Assert.Equal(["start", .. Enumerable.Range(1, 10).Select(i => $"step{i}")],
            execution.Journal.Where(j => j.Kind == JournalEntryKind.Completed).Select(j => j.ActivityId));
    }

    [Fact]
    public async Task Journal_HasOneStartAndOneCompletionPerActivity_TimedByTheClock()
    {
        var execution = await _engine.StartAsync(Sequence(2));

        Assert.Equal(6, execution.Journal.Count);
        Assert.All(execution.Journal, j => Assert.Equal(_engine.Clock.GetUtcNow(), j.At));
        Assert.Equal([JournalEntryKind.Started, JournalEntryKind.Completed], execution.Journal.Take(2).Select(j => j.Kind));
        Assert.Equal("Done", execution.Journal[1].Outcome);
    }

    [Theory]
    [InlineData(true, "yes")]
    [InlineData(false, "no")]
    public async Task If_FollowsTheOutcomeOfItsCondition(bool flag, string expected)
    {
        var definition = Define(
            [Node("start", "Start"), Node("if", "If", Variable("condition", "flag")),
             Node("yes", "SetVariable", Literal("variable", "path"), Literal("value", "yes")),
             Node("no", "SetVariable", Literal("variable", "path"), Literal("value", "no"))],
            [Done("start", "if"), new Connection("if", "True", "yes"), new Connection("if", "False", "no")],
            new VariableDefinition("flag", VariableType.Bool, flag), new VariableDefinition("path", VariableType.String));

        var execution = await _engine.StartAsync(definition);

        Assert.Equal(expected, execution.GetVariable("path"));
    }

    [Fact]
    public async Task Expressions_ReadVariablesAndInputs_CompiledOncePerPlan()
    {
        var definition = Define(
            [Node("start", "Start"), Node("add", "SetVariable", Literal("variable", "total"), ("value", InputValue.FromExpression("total + bonus * 2"))),
             Node("big", "If", ("condition", InputValue.FromExpression("total >= 25"))),
             Node("yes", "SetVariable", Literal("variable", "label"), ("value", InputValue.FromExpression("\"big:\" + total")))],
            [Done("start", "add"), Done("add", "big"), new Connection("big", "True", "yes")],
            new VariableDefinition("total", VariableType.Int, 5), new VariableDefinition("label", VariableType.String)) with
        {
            Inputs = [new WorkflowInputDefinition("bonus", VariableType.Int)],
        };
        var plan = _engine.Plan(definition);

        foreach (var bonus in new[] { 10, 3 })
        {
            var execution = new WorkflowExecution(plan, $"i-{bonus}", new JsonObject { ["bonus"] = bonus });
            await _engine.Executor.StartAsync(execution);
            Assert.Equal(5L + bonus * 2, execution.GetVariable("total"));
            Assert.Equal(bonus == 10 ? "big:25" : null, execution.GetVariable("label"));
        }
    }

    [Fact]
    public async Task WorkflowInput_IsReadableLikeAVariable()
    {
        var definition = Define([Node("start", "Start"), Node("copy", "SetVariable", Literal("variable", "copy"), Variable("value", "amount"))],
            [Done("start", "copy")], new VariableDefinition("copy", VariableType.Decimal)) with
        {
            Inputs = [new WorkflowInputDefinition("amount", VariableType.Decimal)],
        };

        var execution = await _engine.StartAsync(definition, new JsonObject { ["amount"] = 12.5m });

        Assert.Equal(12.5m, execution.GetVariable("copy"));
    }

    [Fact]
    public async Task Switch_TakesTheMatchingCase_OrDefault()
    {
        var definition = Define(
            [Node("start", "Start"), Node("sw", "Switch", Variable("value", "region"), Literal("cases", new JsonArray("north", "south"))),
             Node("n", "SetVariable", Literal("variable", "hit"), Literal("value", "n")),
             Node("d", "SetVariable", Literal("variable", "hit"), Literal("value", "d"))],
            [Done("start", "sw"), new Connection("sw", "north", "n"), new Connection("sw", "Default", "d")],
            new VariableDefinition("region", VariableType.String, "west"), new VariableDefinition("hit", VariableType.String));

        var execution = await _engine.StartAsync(definition);

        Assert.Equal("d", execution.GetVariable("hit"));
    }

    [Fact]
    public async Task ForEach_RunsTheBodyOncePerItemThenDone()
    {
        var definition = Define(
            [Node("start", "Start"), Node("each", "ForEach", Literal("items", new JsonArray(1, 2, 3)), Literal("itemVariable", "item")),
             Node("log", "Log", Variable("message", "item")), Node("end", "SetVariable", Literal("variable", "done"), Literal("value", true))],
            [Done("start", "each"), new Connection("each", "Iterate", "log"), Done("log", "each"), Done("each", "end")],
            new VariableDefinition("item", VariableType.Int), new VariableDefinition("done", VariableType.Bool));

        var execution = await _engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Finished, execution.Status);
        Assert.Equal(3, execution.Journal.Count(j => j.ActivityId == "log" && j.Kind == JournalEntryKind.Completed));
        Assert.Equal(3L, execution.GetVariable("item"));
        Assert.Equal(true, execution.GetVariable("done"));
        Assert.Empty(execution.ActivityState);
    }

    [Fact]
    public async Task ForkJoinAll_ContinuesOnceAfterEveryBranch()
    {
        var execution = await _engine.StartAsync(ForkJoin("all"));

        Assert.Equal(WorkflowStatus.Finished, execution.Status);
        Assert.Equal(1, execution.Journal.Count(j => j.ActivityId == "after" && j.Kind == JournalEntryKind.Completed));
        Assert.Equal(["a", "b", "join", "after"], execution.Journal.Where(j => j.Kind == JournalEntryKind.Started).Skip(2).Select(j => j.ActivityId));
    }

    [Fact]
    public async Task ForkJoinAll_WaitsForABranchThatWaits()
    {
        var definition = ForkJoin("all", slowBranch: true);

        var execution = await _engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Suspended, execution.Status);
        Assert.DoesNotContain(execution.Journal, j => j.ActivityId == "after");
        _engine.Clock.Advance(TimeSpan.FromHours(1));
        await _engine.Executor.ResumeAsync(execution, execution.Bookmarks.Single().Token, null, dueTimeReached: true);
        Assert.Equal(WorkflowStatus.Finished, execution.Status);
        Assert.Single(execution.Journal, j => j.ActivityId == "after" && j.Kind == JournalEntryKind.Completed);
    }

    [Fact]
    public async Task ForkJoinAny_ContinuesWithTheFirstBranchOnly()
    {
        var execution = await _engine.StartAsync(ForkJoin("any"));

        Assert.Equal(WorkflowStatus.Finished, execution.Status);
        Assert.Single(execution.Journal, j => j.ActivityId == "after" && j.Kind == JournalEntryKind.Completed);
    }

    [Fact]
    public async Task ForkJoinAll_DoesNotWaitForABranchThatAnIfSkipped()
    {
        var definition = Define(
            [Node("start", "Start"), Node("fork", "Fork", Literal("branches", new JsonArray("left", "right"))), Node("if", "If", Literal("condition", false)),
             Node("a", "Log", Literal("message", "a")), Node("b", "Log", Literal("message", "b")), Node("join", "Join", Literal("mode", "all")),
             Node("after", "Log", Literal("message", "after"))],
            [Done("start", "fork"), new Connection("fork", "left", "if"), new Connection("if", "True", "a"), new Connection("fork", "right", "b"),
             Done("a", "join"), Done("b", "join"), Done("join", "after")]);

        var execution = await _engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Finished, execution.Status);
        Assert.Single(execution.Journal, j => j.ActivityId == "after" && j.Kind == JournalEntryKind.Completed);
    }

    [Fact]
    public async Task ForkJoinAny_StopsTheBranchStillWaiting()
    {
        var execution = await _engine.StartAsync(ForkJoin("any", slowBranch: true));

        Assert.Equal(WorkflowStatus.Finished, execution.Status);
        Assert.Empty(execution.Bookmarks);
        Assert.Single(execution.Journal, j => j.ActivityId == "after" && j.Kind == JournalEntryKind.Completed);
    }

    [Fact]
    public async Task Delay_SuspendsOnATimerBookmarkDueAfterTheDuration()
    {
        var definition = Define([Node("start", "Start"), Node("wait", "Delay", Literal("duration", "2.00:00:00")), Node("end", "End")],
            [Done("start", "wait"), Done("wait", "end")]);

        var execution = await _engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Suspended, execution.Status);
        var bookmark = Assert.Single(execution.Bookmarks);
        Assert.Equal(_engine.Clock.GetUtcNow().AddDays(2), bookmark.DueAt);
        Assert.True(await _engine.Executor.ResumeAsync(execution, bookmark.Token, null, dueTimeReached: true));
        Assert.Equal(WorkflowStatus.Finished, execution.Status);
        Assert.Empty(execution.Bookmarks);
    }

    [Fact]
    public async Task WaitForEvent_ResumedByEvent_StoresPayloadAndTakesDone()
    {
        var execution = await _engine.StartAsync(WaitForEventFlow());
        var bookmark = Assert.Single(execution.Bookmarks);

        await _engine.Executor.ResumeAsync(execution, bookmark.Token, new JsonObject { ["orderId"] = "o-1" });

        Assert.Equal(("event:order.paid", "p-7"), (bookmark.Name, bookmark.CorrelationId));
        Assert.Equal("done", execution.GetVariable("path"));
        Assert.Equal("o-1", ((JsonNode)execution.GetVariable("payload")!)["orderId"]!.GetValue<string>());
    }

    [Fact]
    public async Task WaitForEvent_PastItsTimeout_TakesTimeout()
    {
        var execution = await _engine.StartAsync(WaitForEventFlow());

        await _engine.Executor.ResumeAsync(execution, execution.Bookmarks.Single().Token, null, dueTimeReached: true);

        Assert.Equal("timeout", execution.GetVariable("path"));
    }

    [Fact]
    public async Task ResumeWithUnknownToken_ResumesNothing()
    {
        var execution = await _engine.StartAsync(WaitForEventFlow());

        Assert.False(await _engine.Executor.ResumeAsync(execution, "no-such-token", null));
        Assert.Equal(WorkflowStatus.Suspended, execution.Status);
    }

    [Fact]
    public async Task WaitForWebhook_ExposesItsResumeToken()
    {
        var definition = Define([Node("start", "Start"), Node("wait", "WaitForWebhook", Literal("slug", "courier"), Literal("tokenVariable", "token")), Node("end", "End")],
            [Done("start", "wait"), Done("wait", "end")], new VariableDefinition("token", VariableType.String));

        var execution = await _engine.StartAsync(definition);

        var bookmark = Assert.Single(execution.Bookmarks);
        Assert.Equal("webhook:courier", bookmark.Name);
        Assert.Equal(bookmark.Token, execution.GetVariable("token"));
        Assert.Equal(bookmark.Token, execution.Output["resumeTokens"]!["wait"]!.GetValue<string>());
    }

    [Fact]
    public async Task HttpResponse_IsStoredAsOutput()
    {
        var definition = Define([Node("start", "Start"), Node("reply", "HttpResponse", Literal("statusCode", 201), Literal("body", new JsonObject { ["ok"] = true }))],
            [Done("start", "reply")]);

        var execution = await _engine.StartAsync(definition);

        Assert.Equal(201, execution.Output["httpResponse"]!["statusCode"]!.GetValue<long>());
        Assert.True(execution.Output["httpResponse"]!["body"]!["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task End_StopsOtherBranches()
    {
        var definition = Define(
            [Node("start", "Start"), Node("fork", "Fork", Literal("branches", new JsonArray("a", "b"))), Node("end", "End"),
             Node("wait", "Delay", Literal("duration", "01:00:00"))],
            [Done("start", "fork"), new Connection("fork", "a", "wait"), new Connection("fork", "b", "end")]);

        var execution = await _engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Finished, execution.Status);
        Assert.Empty(execution.Bookmarks);
    }

    [Fact]
    public async Task Fault_BecomesAnIncident_AndRetryRunsTheActivityAgain()
    {
        var definition = Define([Node("start", "Start"), Node("reply", "HttpResponse", Variable("statusCode", "status")), Node("end", "End")],
            [Done("start", "reply"), Done("reply", "end")], new VariableDefinition("status", VariableType.Int, 999));
        var execution = await _engine.StartAsync(definition);

        Assert.Equal(WorkflowStatus.Faulted, execution.Status);
        Assert.Equal(("reply", 1), (execution.Incident!.ActivityId, execution.Incident.Attempts));
        Assert.Single(execution.Journal, j => j.Kind == JournalEntryKind.Faulted && j.ActivityId == "reply" && j.Message!.Contains("999"));

        await _engine.Executor.RetryAsync(execution);
        Assert.Equal(2, execution.Incident!.Attempts);

        execution.SetVariable("status", 200);
        Assert.True(await _engine.Executor.RetryAsync(execution));
        Assert.Equal(WorkflowStatus.Finished, execution.Status);
        Assert.Null(execution.Incident);
    }

    [Fact]
    public async Task Cancel_DropsBookmarks_AndNothingResumes()
    {
        var execution = await _engine.StartAsync(WaitForEventFlow());
        var token = execution.Bookmarks.Single().Token;

        _engine.Executor.Cancel(execution);

        Assert.Equal(WorkflowStatus.Cancelled, execution.Status);
        Assert.False(await _engine.Executor.ResumeAsync(execution, token, null));
    }

    private static WorkflowDefinition ForkJoin(string mode, bool slowBranch = false) => Define(
        [Node("start", "Start"), Node("fork", "Fork", Literal("branches", new JsonArray("left", "right"))),
         slowBranch ? Node("a", "Delay", Literal("duration", "01:00:00")) : Node("a", "Log", Literal("message", "a")),
         Node("b", "Log", Literal("message", "b")), Node("join", "Join", Literal("mode", mode)), Node("after", "Log", Literal("message", "after"))],
        [Done("start", "fork"), new Connection("fork", "left", "a"), new Connection("fork", "right", "b"), Done("a", "join"), Done("b", "join"), Done("join", "after")]);

    private static WorkflowDefinition WaitForEventFlow() => Define(
        [Node("start", "Start"),
         Node("wait", "WaitForEvent", Literal("eventName", "order.paid"), Literal("correlation", "p-7"), Literal("timeout", "1.00:00:00"), Literal("resultVariable", "payload")),
         Node("done", "SetVariable", Literal("variable", "path"), Literal("value", "done")),
         Node("late", "SetVariable", Literal("variable", "path"), Literal("value", "timeout"))],
        [Done("start", "wait"), Done("wait", "done"), new Connection("wait", "Timeout", "late")],
        new VariableDefinition("path", VariableType.String), new VariableDefinition("payload", VariableType.Json));
}
