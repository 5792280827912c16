using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities.Timers;

[Activity("Timers", "Cron", "Starts the workflow on a cron schedule (minute hour day month weekday, UTC); inside a flow, waits for the next occurrence.",
    Kind = ActivityKind.Trigger, BoundsLoops = true)]
[Outcomes(Outcomes.Done)]
public sealed class CronTrigger : Activity
{
    [Input("Five fields: minute hour day-of-month month day-of-week, e.g. 0 20 * * * for 20:00 every day.", UiHint = UiHints.Cron, Required = true, LiteralOnly = true)]
    public Input<string> Expression { get; set; } = "";

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (context.FromActivityId is null)
        {
            context.Complete(Outcomes.Done);
        }
        else
        {
            context.CreateBookmark(BookmarkNames.Timer, dueAt: CronSchedule.Parse(Expression.Literal).NextAfter(context.Time.GetUtcNow()));
        }
        return ValueTask.CompletedTask;
    }
}
