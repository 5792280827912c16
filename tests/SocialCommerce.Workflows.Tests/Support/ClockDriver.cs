using System.Text.Json.Nodes;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Tests.Support;

/// <summary>
/// Plays the runtime's part for an in-memory execution: moves the fake clock and resumes bookmarks as they fall due
/// (in due order), and delivers events to the bookmarks waiting for them.
/// </summary>
public static class ClockDriver
{
    public static async Task AdvanceAsync(this WorkflowEngine engine, WorkflowExecution execution, TimeSpan by)
    {
        var until = engine.Clock.GetUtcNow() + by;
        while (execution.Bookmarks.Where(b => b.DueAt <= until).MinBy(b => b.DueAt) is { } due)
        {
            if (due.DueAt > engine.Clock.GetUtcNow())
            {
                engine.Clock.SetUtcNow(due.DueAt!.Value);
            }
            await engine.Executor.ResumeAsync(execution, due.Token, null, dueTimeReached: true);
        }
        engine.Clock.SetUtcNow(until);
    }

    public static async Task<bool> PublishAsync(this WorkflowEngine engine, WorkflowExecution execution, string eventName, string correlation,
        JsonNode? payload = null)
    {
        var bookmark = execution.Bookmarks.FirstOrDefault(b => b.Name == BookmarkNames.ForEvent(eventName) && (b.CorrelationId ?? correlation) == correlation);
        return bookmark is not null && await engine.Executor.ResumeAsync(execution, bookmark.Token, payload);
    }
}
