using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities.ControlFlow;

[Activity("Control flow", "Switch", "Takes the outcome named like the value (one per case), or Default when no case matches.")]
[Outcomes(Default, FromInput = "cases")]
public sealed class Switch : Activity
{
    public const string Default = "Default";

    [Input("The value to match against the cases.", Required = true)]
    public Input<string?> Value { get; set; } = new((string?)null);

    [Input("The case names; each becomes an outcome.", UiHint = UiHints.List, Required = true, LiteralOnly = true)]
    public Input<IReadOnlyList<string>> Cases { get; set; } = new([]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var value = await Value.EvaluateAsync(context);
        var match = Cases.Literal.FirstOrDefault(c => string.Equals(c, value, StringComparison.Ordinal));
        context.Complete(match ?? Default);
    }
}
