using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities.ControlFlow;

[Activity("Control flow", "Join", "Waits for the branches connected into it: all of them, or the first one (any), which stops the others.")]
[Outcomes(Outcomes.Done)]
public sealed class Join : Activity
{
    [Input("all: continue once no branch upstream is still running or waiting; any: continue with the first one and stop the rest.",
        UiHint = UiHints.Select, LiteralOnly = true)]
    public Input<JoinMode> Mode { get; set; } = JoinMode.All;

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (Mode.Literal == JoinMode.Any)
        {
            // The first branch continues; the others are stopped so they neither arrive later nor keep the instance waiting.
            context.CancelUpstream();
        }
        else if (context.UpstreamPending)
        {
            // Waiting for branches still running or waiting upstream. Counting arrivals instead would hang on a branch
            // that ends elsewhere (an If that skipped it) or reaches here from another activity (a timeout outcome).
            return ValueTask.CompletedTask;
        }
        context.DropQueuedArrivals();
        context.Complete(Outcomes.Done);
        return ValueTask.CompletedTask;
    }
}

public enum JoinMode
{
    All,
    Any,
}
