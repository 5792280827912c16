using System.Text.Json.Nodes;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities.Primitives;

[Activity("Primitives", "Set variable", "Sets a workflow variable; the value is converted to the variable's type.")]
[Outcomes(Outcomes.Done)]
public sealed class SetVariable : Activity
{
    [Input("The variable to set.", UiHint = UiHints.Variable, Required = true, LiteralOnly = true)]
    public Input<string> Variable { get; set; } = "";

    [Input("The new value.", UiHint = UiHints.Json)]
    public Input<JsonNode?> Value { get; set; } = new((JsonNode?)null);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        context.SetVariable(Variable.Literal, await Value.EvaluateAsync(context));
        context.Complete(Outcomes.Done);
    }
}
