using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities.ControlFlow;

[Activity("Control flow", "Fork", "Runs several branches side by side; bring them together again with a Join.")]
[Outcomes(FromInput = "branches")]
public sealed class Fork : Activity
{
    [Input("The branch names; each becomes an outcome, and all of them are taken.", UiHint = UiHints.List, Required = true, LiteralOnly = true)]
    public Input<IReadOnlyList<string>> Branches { get; set; } = new([]);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Complete(Branches.Literal);
        return ValueTask.CompletedTask;
    }
}
