using System.Text.Json.Nodes;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities.ControlFlow;

[Activity("Control flow", "Join", "Waits for the branches connected into it: all of them, or the first one (any), which stops the others.")]
[Outcomes(Outcomes.Done)]
public sealed class Join : Activity
{
    [Input("all: continue when every incoming branch has arrived; any: continue with the first one and ignore the rest.",
        UiHint = UiHints.Select, LiteralOnly = true)]
    public Input<JoinMode> Mode { get; set; } = JoinMode.All;

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var arrived = context.GetState() as JsonArray ?? [];
        var from = context.FromActivityId ?? "";
        if (!arrived.Any(n => n?.GetValue<string>() == from))
        {
            arrived.Add(from);
        }
        if (Mode.Literal == JoinMode.Any)
        {
            // The first branch continues; the others are stopped so they neither arrive later nor keep the instance waiting.
            context.SetState(null);
            context.CancelUpstream();
            context.Complete(Outcomes.Done);
            return ValueTask.CompletedTask;
        }
        var everyone = arrived.Count >= context.InboundCount;
        // The state is reset once every branch has arrived, so the Join works again when a loop comes back to it.
        context.SetState(everyone ? null : arrived);
        if (everyone)
        {
            context.Complete(Outcomes.Done);
        }
        return ValueTask.CompletedTask;
    }
}

public enum JoinMode
{
    All,
    Any,
}
