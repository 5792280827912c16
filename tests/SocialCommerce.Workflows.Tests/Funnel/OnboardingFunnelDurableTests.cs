using System.Text.Json.Nodes;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Testing;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Events;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Runtime;
using SocialCommerce.Workflows.Tests.Support;

namespace SocialCommerce.Workflows.Tests.Funnel;

/// <summary>
/// The 7+21 funnel on the grain runtime: timers as durable reminders under the fake clock, events through the bookmark
/// index, and the node restarted in the middle of the task group. (Its speed is the in-memory test's to prove: here
/// the time goes to the database and varies with the machine's load.)
/// </summary>
public sealed class OnboardingFunnelDurableTests
{
    [Fact]
    public Task FullFunnel_OnGrains_WithARestartInTheTaskGroup_Sqlite() => FullFunnel(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task FullFunnel_OnGrains_WithARestartInTheTaskGroup_Postgres() => FullFunnel(DatabaseProvider.Postgres);

    private static async Task FullFunnel(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider();
        await using (var node = await WorkflowNode.StartAsync(database, clock))
        {
            await node.PublishAsync(WorkflowTemplates.Load("onboarding-7-21"));
            await node.Runtime().StartAsync(new StartWorkflowRequest("onboarding-7-21", "funnel-p1", new JsonObject
            {
                ["promoterId"] = "p-1",
                ["chatToolUrl"] = "https://chat.example/hooks",
                ["rewardsUrl"] = "https://rewards.example/hooks",
            }, CorrelationId: "p-1"));
            await node.DispatchAsync();
            await node.AdvanceAsync(clock, TimeSpan.FromDays(6) + TimeSpan.FromHours(1), step: TimeSpan.FromHours(12));
            Assert.Equal(["funnel-p1"], (await node.Events().PublishAsync(Event("e-optin", "promoter.opted-in"))).Resumed);
            await node.DispatchAsync();
            await node.Events().PublishAsync(Event("e-invite", "task.invite-fans-completed"));
            await node.Events().PublishAsync(Event("e-moments", "task.moments-completed"));
        }

        await using var restarted = await WorkflowNode.StartAsync(database, clock);
        await restarted.AdvanceAsync(clock, TimeSpan.FromDays(5), step: TimeSpan.FromDays(1));
        await restarted.Events().PublishAsync(Event("e-group", "task.build-group-completed"));
        var repeated = await restarted.Events().PublishAsync(Event("e-group", "task.build-group-completed"));
        await restarted.Events().PublishAsync(Event("e-community", "task.community-completed"));

        var instance = (await restarted.Instances().GetAsync("funnel-p1"))!;
        Assert.Empty(repeated.Resumed);
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.True(instance.Variables["graduated"]!.GetValue<bool>());
        var journal = await restarted.Instances().JournalAsync("funnel-p1", 0, 1000);
        Assert.Equal(6, journal.Count(j => j.ActivityId == "redPacket" && j.Kind == JournalEntryKind.Completed));
        Assert.Single(journal, j => j.ActivityId == "done_buildGroup" && j.Kind == JournalEntryKind.Completed);
        Assert.Equal(11, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM outbox WHERE event_type = 'workflow.outbound-webhook'"));
        Assert.Equal(0, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM reminders"));
    }

    private static WorkflowEvent Event(string id, string name) => new(id, name, "p-1", new JsonObject { ["promoterId"] = "p-1" });
}
