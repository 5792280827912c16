using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities.Events;

[Activity("Events", "Wait for event",
    "Waits until a domain event with this name and correlation value is published (Done), or until the timeout passes (Timeout).",
    Kind = ActivityKind.Wait)]
[Outcomes(Outcomes.Done, TimedOut)]
public sealed class WaitForEvent : Activity
{
    public const string TimedOut = "Timeout";

    [Input("The event name, e.g. group.member-joined.", Required = true, LiteralOnly = true)]
    public Input<string> EventName { get; set; } = "";

    [Input("Only an event with this correlation value resumes (e.g. the promoter id); empty for any.")]
    public Input<string?> Correlation { get; set; } = new((string?)null);

    [Input("Give up after this long and take Timeout; empty to wait for ever.", UiHint = UiHints.Duration)]
    public Input<TimeSpan?> Timeout { get; set; } = new((TimeSpan?)null);

    [Input("The variable that receives the event's payload.", UiHint = UiHints.Variable, LiteralOnly = true)]
    public Input<string?> ResultVariable { get; set; } = new((string?)null);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var timeout = await Timeout.EvaluateAsync(context);
        context.CreateBookmark(BookmarkNames.ForEvent(EventName.Literal), await Correlation.EvaluateAsync(context),
            timeout is { } after ? context.Time.GetUtcNow() + after : null);
    }

    public override ValueTask ResumeAsync(ActivityContext context, BookmarkResumption resumption)
    {
        if (resumption.DueTimeReached)
        {
            context.Complete(TimedOut);
            return ValueTask.CompletedTask;
        }
        if (ResultVariable.Literal is { } variable)
        {
            context.SetVariable(variable, resumption.Payload?.DeepClone());
        }
        context.Complete(Outcomes.Done);
        return ValueTask.CompletedTask;
    }
}
