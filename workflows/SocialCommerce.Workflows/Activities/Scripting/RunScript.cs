using System.Text.Json.Nodes;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Running;
using SocialCommerce.Plugins.Sdk;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities.Scripting;

[Activity("Scripting", "Run script",
    "Runs a C# script plug-in (kind activity) with inputs from the workflow and puts its outputs into variables. A script " +
    "that throws or exceeds its budget stops the instance with an incident carrying the script's message.")]
[Outcomes(Outcomes.Done)]
[UsesPlugin(PluginKind.Activity, PluginKind.CommissionFormula, PluginKind.TaskCheck)]
public sealed class RunScript(PluginRunner runner) : PluginActivity(runner)
{
    [Input("Where outputs go: a JSON object of output name to variable name, e.g. {\"totalFen\": \"total\"}.",
        UiHint = UiHints.Json, LiteralOnly = true)]
    public Input<JsonNode?> Outputs { get; set; } = new((JsonNode?)null);

    [Input("A variable that receives every output as one JSON object.", UiHint = UiHints.Variable, LiteralOnly = true)]
    public Input<string?> ResultVariable { get; set; } = new((string?)null);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var result = await RunPluginAsync(context, PluginRunContext.Empty);
        if (Outputs.Literal is JsonObject mapping)
        {
            foreach (var (output, variable) in mapping)
            {
                if (!result.Outputs.TryGetValue(output, out var value))
                {
                    throw new InvalidOperationException(
                        $"RunScript '{context.ActivityId}' maps output '{output}', which plug-in {Plugin.Literal} {PluginVersion.Literal} does not have; " +
                        $"it has {string.Join(", ", result.Outputs.Keys)}.");
                }
                context.SetVariable(variable!.GetValue<string>(), value);
            }
        }
        if (ResultVariable.Literal is { Length: > 0 } all)
        {
            context.SetVariable(all, ValueConverter.To<JsonNode>(result.Outputs));
        }
        context.Complete(Outcomes.Done);
    }
}
