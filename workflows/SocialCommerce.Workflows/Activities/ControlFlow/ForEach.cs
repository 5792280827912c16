using System.Text.Json.Nodes;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities.ControlFlow;

[Activity("Control flow", "For each",
    "Takes Iterate once per item (with the item in the chosen variable); connect the end of the body back to it. Takes Done after the last item.",
    BoundsLoops = true)]
[Outcomes(Iterate, Outcomes.Done)]
public sealed class ForEach : Activity
{
    public const string Iterate = "Iterate";

    [Input("The items, a JSON array (read once, when the loop begins).", UiHint = UiHints.Json, Required = true)]
    public Input<JsonNode?> Items { get; set; } = new((JsonNode?)null);

    [Input("The variable that holds the current item.", UiHint = UiHints.Variable, LiteralOnly = true)]
    public Input<string?> ItemVariable { get; set; } = new((string?)null);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var state = context.GetState() as JsonObject;
        if (state is null)
        {
            var items = await Items.EvaluateAsync(context) as JsonArray
                ?? throw new InvalidOperationException($"ForEach '{context.ActivityId}': items is not a JSON array.");
            state = new JsonObject { ["items"] = items.DeepClone(), ["next"] = 0 };
        }
        var list = state["items"]!.AsArray();
        var next = state["next"]!.GetValue<int>();
        if (next >= list.Count)
        {
            context.SetState(null);
            context.Complete(Outcomes.Done);
            return;
        }
        if (ItemVariable.Literal is { } variable)
        {
            context.SetVariable(variable, list[next]?.DeepClone());
        }
        state["next"] = next + 1;
        context.SetState(state);
        context.Complete(Iterate);
    }
}
