using System.Diagnostics;
using System.Text.Json.Nodes;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Outbound;
using SocialCommerce.Workflows.Tests.Support;

namespace SocialCommerce.Workflows.Tests.Funnel;

/// <summary>The 7+21 onboarding funnel of DOMAIN.md, from workflows/templates, run in memory under the fake clock.</summary>
public sealed class OnboardingFunnelTests
{
    private static readonly string[] Tasks = ["invite-fans", "moments", "build-group", "community"];
    private readonly WorkflowEngine _engine = new();

    [Fact]
    public void Template_IsValid() => Assert.Empty(_engine.Validate(WorkflowTemplates.Load("onboarding-7-21")));

    [Fact]
    public async Task OptInAndAllFourTasks_Graduates_InWellUnderASecond()
    {
        var stopwatch = Stopwatch.StartNew();
        var execution = await StartAsync();

        await _engine.AdvanceAsync(execution, TimeSpan.FromDays(6));
        Assert.True(await _engine.PublishAsync(execution, "promoter.opted-in", "p-1"));
        foreach (var (task, day) in Tasks.Select((t, i) => (t, i)))
        {
            await _engine.AdvanceAsync(execution, TimeSpan.FromDays(day + 1));
            Assert.True(await _engine.PublishAsync(execution, $"task.{task}-completed", "p-1"));
        }
        stopwatch.Stop();

        Assert.Equal(WorkflowStatus.Finished, execution.Status);
        Assert.Equal(true, execution.GetVariable("graduated"));
        Assert.Equal(6, Sent(execution, "funnel.warmup-day"));
        Assert.Equal(4, Sent(execution, "funnel.task-reward"));
        Assert.Equal(1, Sent(execution, "funnel.first-sale-offer"));
        Assert.True(stopwatch.ElapsedMilliseconds < 500, $"took {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task WarmUp_SendsOneRedPacketADay_ThenAsksOnDaySeven()
    {
        var execution = await StartAsync();
        Assert.Equal(1, Sent(execution, "funnel.warmup-day"));

        await _engine.AdvanceAsync(execution, TimeSpan.FromDays(3));
        Assert.Equal(4, Sent(execution, "funnel.warmup-day"));
        Assert.DoesNotContain(execution.Journal, j => j.ActivityId == "askOptIn");

        await _engine.AdvanceAsync(execution, TimeSpan.FromDays(3));
        Assert.Contains(execution.Journal, j => j.ActivityId == "askOptIn" && j.Kind == JournalEntryKind.Completed);
        Assert.Equal("event:promoter.opted-in", Assert.Single(execution.Bookmarks).Name);
    }

    [Fact]
    public async Task NoOptInOnDaySeven_EndsAfterTheOneDayTimeout()
    {
        var execution = await StartAsync();

        await _engine.AdvanceAsync(execution, TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        Assert.Equal(WorkflowStatus.Finished, execution.Status);
        Assert.Contains(execution.Journal, j => j.ActivityId == "notOptedIn" && j.Kind == JournalEntryKind.Completed);
        Assert.Equal(false, execution.GetVariable("optedIn"));
        Assert.DoesNotContain(execution.Journal, j => j.ActivityId == "tasks");
    }

    [Fact]
    public async Task TasksNotDoneInTwentyOneDays_TimeOut_AndDoNotGraduate()
    {
        var execution = await StartAsync();
        await _engine.AdvanceAsync(execution, TimeSpan.FromDays(6));
        await _engine.PublishAsync(execution, "promoter.opted-in", "p-1");
        Assert.Equal(4, execution.Bookmarks.Count);

        await _engine.AdvanceAsync(execution, TimeSpan.FromDays(2));
        await _engine.PublishAsync(execution, "task.invite-fans-completed", "p-1");
        await _engine.PublishAsync(execution, "task.moments-completed", "p-1");
        await _engine.AdvanceAsync(execution, TimeSpan.FromDays(20));

        Assert.Equal(WorkflowStatus.Finished, execution.Status);
        Assert.Equal(false, execution.GetVariable("graduated"));
        Assert.Equal(2, Sent(execution, "funnel.task-reward"));
        Assert.Equal(2, execution.Journal.Count(j => j.Kind == JournalEntryKind.Completed && j.Outcome == "Timeout"));
        Assert.Contains(execution.Journal, j => j.ActivityId == "notGraduated");
    }

    [Fact]
    public async Task AnotherPromotersEvent_DoesNotResumeThisOne()
    {
        var execution = await StartAsync();
        await _engine.AdvanceAsync(execution, TimeSpan.FromDays(6));

        Assert.False(await _engine.PublishAsync(execution, "promoter.opted-in", "p-2"));
        Assert.Equal(WorkflowStatus.Suspended, execution.Status);
    }

    private async Task<WorkflowExecution> StartAsync() => await _engine.StartAsync(WorkflowTemplates.Load("onboarding-7-21"), new JsonObject
    {
        ["promoterId"] = "p-1",
        ["chatToolUrl"] = "https://chat.example/hooks",
        ["rewardsUrl"] = "https://rewards.example/hooks",
    });

    private static int Sent(WorkflowExecution execution, string eventType) =>
        execution.Emitted.OfType<OutboundWebhookQueued>().Count(m => m.EventType == eventType);
}
