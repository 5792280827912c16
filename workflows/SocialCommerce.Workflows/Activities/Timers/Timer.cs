using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities.Timers;

[Activity("Timers", "Timer", "Starts the workflow every interval; inside a flow, waits for one interval.", Kind = ActivityKind.Trigger, BoundsLoops = true)]
[Outcomes(Outcomes.Done)]
public sealed class Timer : Activity
{
    [Input("The interval, e.g. 01:00:00.", UiHint = UiHints.Duration, Required = true, LiteralOnly = true)]
    public Input<TimeSpan> Interval { get; set; } = TimeSpan.Zero;

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (context.FromActivityId is null)
        {
            context.Complete(Outcomes.Done);
        }
        else
        {
            context.CreateBookmark(BookmarkNames.Timer, dueAt: context.Time.GetUtcNow() + Interval.Literal);
        }
        return ValueTask.CompletedTask;
    }
}
