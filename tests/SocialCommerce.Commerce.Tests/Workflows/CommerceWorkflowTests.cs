using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Ledger;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Testing;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Events;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Services;

namespace SocialCommerce.Commerce.Tests.Workflows;

public sealed class CommerceWorkflowTests
{
    // tiered-commission with its defaults: 5% of ¥299.00 = 1,495 fen for the seller; the upline 20% and the
    // upline's upline 10% of what the formula gives them (1,495 each: their own sales this month are below every tier).
    private const long SellerCommission = 1_495;
    private const long UplineCommission = 299;
    private const long SecondUplineCommission = 150;

    [Fact]
    public Task OrderCompleted_StartsTheCommissionFlowThroughTheOutbox_CreditingThreeLevelsAndNeverAFourth_Sqlite() =>
        CommissionOnThreeLevels(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task OrderCompleted_StartsTheCommissionFlowThroughTheOutbox_CreditingThreeLevelsAndNeverAFourth_Postgres() =>
        CommissionOnThreeLevels(DatabaseProvider.Postgres);

    [Fact]
    public Task SameOrderCompletedTwiceUnderTwoEventIds_CreditsEachLevelOnce_Sqlite() => SameOrderTwice(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task SameOrderCompletedTwiceUnderTwoEventIds_CreditsEachLevelOnce_Postgres() => SameOrderTwice(DatabaseProvider.Postgres);

    [Fact]
    public Task ReRunOfATurnFromTheSameState_NeverDoublesARewardOrACommission_Sqlite() => ReRunFromSameState(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ReRunOfATurnFromTheSameState_NeverDoublesARewardOrACommission_Postgres() => ReRunFromSameState(DatabaseProvider.Postgres);

    [Fact]
    public Task GroupJoinByAnActivity_ResumesAWorkflowWaitingForIt_ThroughTheOutbox_Sqlite() => GroupJoinResumes(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task GroupJoinByAnActivity_ResumesAWorkflowWaitingForIt_ThroughTheOutbox_Postgres() => GroupJoinResumes(DatabaseProvider.Postgres);

    [Fact]
    public async Task TaskCheckPassed_PaysTheRewardOnceAndGraduatesToSupervisor_FailedPaysNothing()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceWorkflowNode.StartAsync(database);
        await node.ArrangeFourLevelsAsync();
        await node.PublishAsync(TaskFlow());
        JsonArray fans = [Fan("f1", "13800000001"), Fan("f2", "13800000002"), Fan("f3", "13800000002")];

        await node.StartAsync("invite-task", "upline-task", new JsonObject { ["promoterId"] = "upline", ["fans"] = fans.DeepClone(), ["target"] = 2 });
        await node.StartAsync("invite-task", "seller-task", new JsonObject { ["promoterId"] = "seller", ["fans"] = fans.DeepClone(), ["target"] = 3 });

        var passed = (await node.Service<WorkflowInstanceService>().GetAsync("upline-task"))!;
        Assert.Equal(WorkflowStatus.Finished, passed.Status);
        Assert.Contains("2 distinct valid fans", passed.Variables["check"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(500, (await node.LedgerAsync("upline")).TaskRewards.Fen);
        Assert.Equal(PromoterLevel.Supervisor, (await node.Grains.Get<IPromoterGrain>("upline").GetAsync())!.Level);
        var failed = (await node.Service<WorkflowInstanceService>().GetAsync("seller-task"))!;
        Assert.False(failed.Variables["check"]!["passed"]!.GetValue<bool>());
        Assert.Equal(Money.Zero, (await node.LedgerAsync("seller")).Balance);
        Assert.Equal(PromoterLevel.NewMember, (await node.Grains.Get<IPromoterGrain>("seller").GetAsync())!.Level);
    }

    [Fact]
    public async Task RewardStepInALoop_GetsANewOperationIdEachIteration_SoEachTaskIsPaid()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceWorkflowNode.StartAsync(database);
        await node.PublishAsync(Flow("task-rewards",
            [
                Node("start", "Start"),
                Node("each", "ForEach", Variable("items", "tasks"), Literal("itemVariable", "task")),
                Node("reward", "GrantTaskReward", Literal("promoterId", "p1"), Variable("taskName", "task"), Literal("amountFen", 300)),
                Node("end", "End"),
            ],
            [
                Done("start", "each"), new Connection("each", "Iterate", "reward"), Done("each", "end"),
                new Connection("reward", nameof(TaskRewardOutcome.Granted), "each"),
            ],
            [new VariableDefinition("task", VariableType.String)],
            [new WorkflowInputDefinition("tasks", VariableType.Json)]));

        await node.StartAsync("task-rewards", "loop", new JsonObject { ["tasks"] = new JsonArray("invite-fans", "moments", "build-group") });

        Assert.Equal(WorkflowStatus.Finished, (await node.Service<WorkflowInstanceService>().GetAsync("loop"))!.Status);
        var ledger = await node.LedgerAsync("p1");
        Assert.Equal(["loop/reward/0", "loop/reward/1", "loop/reward/2"], ledger.Entries.Select(e => e.EntryId));
        Assert.Equal(900, ledger.TaskRewards.Fen);
    }

    [Fact]
    public async Task TaskRewards_StayWithinTheCap_TheLastOneCutToFit_ThenCapReached()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceWorkflowNode.StartAsync(database);
        var ledger = node.Grains.Get<ILedgerGrain>("p1");
        var cap = Money.FromFen(1_200);

        var first = await ledger.GrantTaskRewardAsync(new TaskReward("op-1", "invite-fans", Money.FromFen(500), cap));
        var second = await ledger.GrantTaskRewardAsync(new TaskReward("op-2", "moments", Money.FromFen(500), cap));
        var third = await ledger.GrantTaskRewardAsync(new TaskReward("op-3", "build-group", Money.FromFen(500), cap));
        var fourth = await ledger.GrantTaskRewardAsync(new TaskReward("op-4", "community", Money.FromFen(500), cap));
        var sameTaskAgain = await ledger.GrantTaskRewardAsync(new TaskReward("op-5", "moments", Money.FromFen(500), Money.FromFen(5_000)));

        Assert.Equal(
            [TaskRewardOutcome.Granted, TaskRewardOutcome.Granted, TaskRewardOutcome.Granted, TaskRewardOutcome.CapReached, TaskRewardOutcome.AlreadyRewarded],
            [first.Outcome, second.Outcome, third.Outcome, fourth.Outcome, sameTaskAgain.Outcome]);
        Assert.Equal(200, third.Entry!.Amount.Fen);
        Assert.Equal(1_200, (await ledger.GetAsync()).TaskRewards.Fen);
        Assert.Equal(3, (await ledger.GetAsync()).Entries.Count);
    }

    [Fact]
    public async Task ACommissionBeyondTheThirdLevel_IsRefusedByTheLedger()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceWorkflowNode.StartAsync(database);

        await Assert.ThrowsAsync<RuleViolationException>(() =>
            node.Grains.Get<ILedgerGrain>("great").CreditCommissionAsync(new CommissionCredit("op/level-4", "o1", "seller", 4, Money.FromFen(10))));

        Assert.Empty((await node.LedgerAsync("great")).Entries);
    }

    [Fact]
    public async Task SellersSalesThisMonth_RaiseTheirTier_AsTheirOrdersComplete()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var node = await CommerceWorkflowNode.StartAsync(database);
        await node.ArrangeFourLevelsAsync();
        await node.PublishAsync(CommissionFlow(new JsonObject { ["midTierFromFen"] = 50_000 }));

        await node.CompleteOrderAsync("o1");
        await node.DispatchAllAsync();
        await node.CompleteOrderAsync("o2");
        await node.DispatchAllAsync();

        // o1 makes ¥299.00 this month: the base 5% (1,495 fen). o2 makes ¥598.00, over the ¥500.00 middle tier: 8% (2,392 fen).
        var seller = await node.LedgerAsync("seller");
        Assert.Equal([1_495L, 2_392L], seller.Entries.OrderBy(e => e.Reference).Select(e => e.Amount.Fen));
        Assert.Equal(59_800, (await node.Grains.Get<ILedgerGrain>("seller").GetMonthlySalesAsync(DateTimeOffset.UtcNow)).Fen);
        // The upline sold nothing themself, so their tier stays at the base on both orders.
        Assert.Equal(2 * UplineCommission, (await node.LedgerAsync("upline")).Commissions.Fen);
    }

    private static async Task CommissionOnThreeLevels(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = await StartWithCommissionFlowAsync(database);

        await node.CompleteOrderAsync("o1");
        await node.DispatchAllAsync();

        var instance = Assert.Single((await node.Service<WorkflowInstanceService>().ListAsync(new(DefinitionId: "commission"), 0, 10)).Items);
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Equal([SellerCommission, UplineCommission, SecondUplineCommission, 0], await CommissionsByLevelAsync(node));
        Assert.Empty((await node.LedgerAsync("great")).Entries);
        var levels = (await node.LedgerAsync("grand")).Entries.Select(e => (e.Kind, e.Reference, e.Level));
        Assert.Equal([(LedgerEntryKind.Commission, "o1", (int?)3)], levels);
    }

    private static async Task SameOrderTwice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = await StartWithCommissionFlowAsync(database);
        await node.CompleteOrderAsync("o1");
        await node.DispatchAllAsync();

        // The same completion arriving again under another event id starts a second instance for the order.
        await node.Service<WorkflowEventPublisher>().PublishAsync(
            new WorkflowEvent("replayed-completion", "OrderCompleted", "o1", new JsonObject { ["orderId"] = "o1" }));
        await node.DispatchAllAsync();

        var instances = (await node.Service<WorkflowInstanceService>().ListAsync(new(DefinitionId: "commission"), 0, 10)).Items;
        Assert.Equal(2, instances.Count);
        Assert.All(instances, i => Assert.Equal(WorkflowStatus.Finished, i.Status));
        Assert.Equal([SellerCommission, UplineCommission, SecondUplineCommission, 0], await CommissionsByLevelAsync(node));
        Assert.Single((await node.LedgerAsync("seller")).Entries);
    }

    private static async Task ReRunFromSameState(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = await CommerceWorkflowNode.StartAsync(database);
        await node.ArrangeFourLevelsAsync();
        await node.CompleteOrderAsync("o1");
        var plan = node.Service<WorkflowPlanBuilder>().Build(RewardAndCommissionFlow());
        var executor = node.Service<WorkflowExecutor>();

        // A turn that loses a version conflict runs again from the state it started with: the same instance, the
        // same journal, so every grain call carries the same operation id as the first run.
        for (var run = 0; run < 3; run++)
        {
            var execution = new WorkflowExecution(plan, "instance-1", new JsonObject { ["orderId"] = "o1", ["promoterId"] = "seller" });
            await executor.StartAsync(execution);
            Assert.Equal(WorkflowStatus.Finished, execution.Status);
        }

        var seller = await node.LedgerAsync("seller");
        Assert.Equal((500L, SellerCommission, 2), (seller.TaskRewards.Fen, seller.Commissions.Fen, seller.Entries.Count));
        Assert.Equal(["instance-1/reward/0", "instance-1/commission/0/level-1"], seller.Entries.Select(e => e.EntryId));
        Assert.Equal(UplineCommission, (await node.LedgerAsync("upline")).Balance.Fen);
    }

    private static async Task GroupJoinResumes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = await CommerceWorkflowNode.StartAsync(database);
        await node.ArrangeFourLevelsAsync();
        await node.PublishAsync(Flow("open-and-wait",
            [
                Node("start", "Start"),
                Node("open", "OpenGroup", Literal("groupId", "task-1"), Literal("name", "Task group"), Variable("ownerId", "ownerId"),
                    Literal("kind", "task"), Literal("resultVariable", "group")),
                Node("wait", "WaitForEvent", Literal("eventName", "GroupMemberJoined"), Literal("correlation", "task-1"), Literal("resultVariable", "joined")),
                Node("end", "End"),
            ],
            [Done("start", "open"), Done("open", "wait"), Done("wait", "end")],
            [new VariableDefinition("group", VariableType.Json), new VariableDefinition("joined", VariableType.Json)],
            [new WorkflowInputDefinition("ownerId", VariableType.String)]));
        await node.PublishAsync(Flow("join",
            [Node("start", "Start"), Node("join", "AddGroupMember", Literal("groupId", "task-1"), Variable("memberId", "memberId")), Node("end", "End")],
            [Done("start", "join"), Done("join", "end")], [], [new WorkflowInputDefinition("memberId", VariableType.String)]));

        await node.StartAsync("open-and-wait", "waiting", new JsonObject { ["ownerId"] = "upline" });
        await node.DispatchAllAsync();
        Assert.Equal(WorkflowStatus.Suspended, (await node.Service<WorkflowInstanceService>().GetAsync("waiting"))!.Status);
        await node.StartAsync("join", "joining", new JsonObject { ["memberId"] = "fan-7" });
        await node.DispatchAllAsync();

        var waiting = (await node.Service<WorkflowInstanceService>().GetAsync("waiting"))!;
        Assert.Equal(WorkflowStatus.Finished, waiting.Status);
        Assert.Equal("fan-7", waiting.Variables["joined"]!["memberId"]!.GetValue<string>());
        Assert.Equal(50, waiting.Variables["group"]!["capacity"]!.GetValue<int>());
        Assert.Contains("fan-7", (await node.Grains.Get<IGroupGrain>("task-1").GetAsync())!.Members);
    }

    /// <summary>A node with the four-level team and the commission flow published.</summary>
    private static async Task<ClusterTestHost> StartWithCommissionFlowAsync(TestDatabase database)
    {
        var node = await CommerceWorkflowNode.StartAsync(database);
        await node.ArrangeFourLevelsAsync();
        await node.PublishAsync(CommissionFlow());
        return node;
    }

    /// <summary>The commission in fen of the seller, the upline, the upline's upline and the one above them.</summary>
    private static async Task<List<long>> CommissionsByLevelAsync(ClusterTestHost node)
    {
        var credited = new List<long>();
        foreach (var promoter in new[] { "seller", "upline", "grand", "great" })
        {
            credited.Add((await node.LedgerAsync(promoter)).Commissions.Fen);
        }
        return credited;
    }

    private static JsonObject Fan(string id, string phone) => new() { ["fanId"] = id, ["phone"] = phone };

    /// <summary>OrderCompleted → CalculateCommission(tiered-commission) → End.</summary>
    private static WorkflowDefinition CommissionFlow(JsonObject? arguments = null) => Flow("commission",
        [
            Node("completed", "EventTrigger", Literal("eventName", "OrderCompleted")),
            Commission(arguments),
            Node("end", "End"),
        ],
        [Done("completed", "commission"), Done("commission", "end")], [], [new WorkflowInputDefinition("orderId", VariableType.String)]);

    /// <summary>Start → GrantTaskReward(¥5) → CalculateCommission → End, for the re-run test.</summary>
    private static WorkflowDefinition RewardAndCommissionFlow() => Flow("reward-and-commission",
        [
            Node("start", "Start"),
            Node("reward", "GrantTaskReward", Variable("promoterId", "promoterId"), Literal("taskName", "first-sale"), Literal("amountFen", 500)),
            Commission(),
            Node("end", "End"),
        ],
        [Done("start", "reward"), new Connection("reward", nameof(TaskRewardOutcome.Granted), "commission"), Done("commission", "end")], [],
        [new WorkflowInputDefinition("orderId", VariableType.String), new WorkflowInputDefinition("promoterId", VariableType.String)]);

    /// <summary>Start → CheckTaskEvidence(invite-fans-check) → Passed: GrantTaskReward → ChangePromoterLevel(supervisor); Failed: End.</summary>
    private static WorkflowDefinition TaskFlow() => Flow("invite-task",
        [
            Node("start", "Start"),
            Node("check", "CheckTaskEvidence", Literal("plugin", "invite-fans-check"), Literal("pluginVersion", "1.0.0"),
                Variable("promoterId", "promoterId"), Literal("resultVariable", "check"),
                ("arguments", InputValue.FromExpression("new Dictionary<string, object?> { [\"invitedFans\"] = fans, [\"target\"] = target }"))),
            Node("reward", "GrantTaskReward", Variable("promoterId", "promoterId"), Literal("taskName", "invite-fans"), Literal("amountFen", 500)),
            Node("graduate", "ChangePromoterLevel", Variable("promoterId", "promoterId"), Literal("level", "supervisor")),
            Node("end", "End"),
        ],
        [
            Done("start", "check"), new Connection("check", "Passed", "reward"), new Connection("check", "Failed", "end"),
            new Connection("reward", nameof(TaskRewardOutcome.Granted), "graduate"), Done("graduate", "end"),
        ],
        [new VariableDefinition("check", VariableType.Json)],
        [
            new WorkflowInputDefinition("promoterId", VariableType.String), new WorkflowInputDefinition("fans", VariableType.Json),
            new WorkflowInputDefinition("target", VariableType.Int),
        ]);

    private static ActivityNode Commission(JsonObject? arguments = null) => Node("commission", "CalculateCommission",
        [Literal("plugin", "tiered-commission"), Literal("pluginVersion", "1.0.0"), Variable("orderId", "orderId"),
            .. arguments is null ? [] : new[] { Literal("arguments", arguments) }]);

    private static WorkflowDefinition Flow(string id, List<ActivityNode> activities, List<Connection> connections,
        IReadOnlyList<VariableDefinition> variables, IReadOnlyList<WorkflowInputDefinition> inputs) => new()
    {
        Id = id,
        Name = id,
        Variables = variables,
        Inputs = inputs,
        Root = new Flowchart { Activities = activities, Connections = connections },
    };

    private static ActivityNode Node(string id, string type, params (string Name, InputValue Value)[] inputs) =>
        new() { Id = id, Type = type, Inputs = inputs.ToDictionary(i => i.Name, i => i.Value) };

    private static (string, InputValue) Literal(string name, JsonNode? value) => (name, InputValue.Of(value));

    private static (string, InputValue) Variable(string name, string variable) => (name, InputValue.FromVariable(variable));

    private static Connection Done(string source, string target) => new(source, "Done", target);
}
