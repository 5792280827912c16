using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities.Timers;

[Activity("Timers", "Delay", "Waits for a duration (a durable reminder: survives restarts), then continues.", Kind = ActivityKind.Wait)]
[Outcomes(Outcomes.Done)]
public sealed class Delay : Activity
{
    [Input("How long to wait, e.g. 00:30:00 or 7.00:00:00.", UiHint = UiHints.Duration, Required = true)]
    public Input<TimeSpan> Duration { get; set; } = TimeSpan.Zero;

    public override async ValueTask ExecuteAsync(ActivityContext context) =>
        context.CreateBookmark(BookmarkNames.Timer, dueAt: context.Time.GetUtcNow() + await Duration.EvaluateAsync(context));
}
