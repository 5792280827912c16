using SocialCommerce.Cluster.Storage;
using SocialCommerce.Testing;
using SocialCommerce.Workflows.Indexes;
using SocialCommerce.Workflows.Tests.Support;
using SocialCommerce.Workflows.Validation;
using static SocialCommerce.Workflows.Tests.Support.Flow;

namespace SocialCommerce.Workflows.Tests.Runtime;

public sealed class ScheduledTriggerTests
{
    [Fact]
    public Task CronTrigger_StartsAnInstanceAtEachOccurrence_Sqlite() => CronTrigger(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task CronTrigger_StartsAnInstanceAtEachOccurrence_Postgres() => CronTrigger(DatabaseProvider.Postgres);

    [Fact]
    public async Task TimerTrigger_StartsEveryInterval_UntilRetracted()
    {
        await using var database = TestDatabase.CreateSqlite();
        var clock = new FakeTimeProvider();
        await using var node = await WorkflowNode.StartAsync(database, clock);
        await node.PublishAsync(Define([Node("every", "Timer", Literal("interval", "01:00:00")), Node("log", "Log", Literal("message", "tick"))], [Done("every", "log")]));

        await node.AdvanceAsync(clock, TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1), step: TimeSpan.FromMinutes(30));
        await node.Definitions().RetractAsync("test-flow");
        await node.DispatchAsync();
        await node.AdvanceAsync(clock, TimeSpan.FromHours(3), step: TimeSpan.FromMinutes(30));

        Assert.Equal(3, (await node.Instances().ListAsync(new InstanceFilter("test-flow"), 0, 10)).Total);
        Assert.Equal(0, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM reminders"));
    }

    [Fact]
    public void BadCronExpression_IsAValidationError()
    {
        var error = Assert.Single(new WorkflowEngine().Validate(Define([Node("nightly", "CronTrigger", Literal("expression", "0 25 * * *"))], [])));

        Assert.Equal((ValidationCodes.InvalidInput, "nightly", "expression"), (error.Code, error.ActivityId, error.Input));
        Assert.Contains("hour", error.Message);
    }

    private static async Task CronTrigger(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
        await using var node = await WorkflowNode.StartAsync(database, clock);
        await node.PublishAsync(Define([Node("nightly", "CronTrigger", Literal("expression", "0 20 * * *")), Node("log", "Log", Literal("message", "peak"))],
            [Done("nightly", "log")]));

        await node.AdvanceAsync(clock, TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        var first = await node.Instances().ListAsync(new InstanceFilter("test-flow"), 0, 10);
        await node.AdvanceAsync(clock, TimeSpan.FromDays(1));
        var second = await node.Instances().ListAsync(new InstanceFilter("test-flow"), 0, 10);

        Assert.Equal("test-flow.nightly.20261101T200000", Assert.Single(first.Items).InstanceId);
        Assert.Equal(2, second.Total);
        Assert.Contains(second.Items, i => i.InstanceId == "test-flow.nightly.20261102T200000");
    }
}
