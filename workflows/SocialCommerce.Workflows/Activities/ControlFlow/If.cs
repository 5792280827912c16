using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities.ControlFlow;

[Activity("Control flow", "If", "Takes the True or the False outcome depending on a condition.")]
[Outcomes(True, False)]
public sealed class If : Activity
{
    public const string True = "True";
    public const string False = "False";

    [Input("The condition: true takes the True outcome.", UiHint = UiHints.Checkbox, Required = true)]
    public Input<bool> Condition { get; set; } = false;

    public override async ValueTask ExecuteAsync(ActivityContext context) =>
        context.Complete(await Condition.EvaluateAsync(context) ? True : False);
}
