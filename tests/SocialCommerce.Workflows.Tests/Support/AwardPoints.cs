using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Tests.Support;

/// <summary>An activity a module outside the engine adds, as Commerce will.</summary>
[Activity("Rewards", "Award points", "Adds points to the total variable.")]
[Outcomes(Outcomes.Done)]
public sealed class AwardPoints : Activity
{
    [Input("How many points.", UiHint = UiHints.Number, Required = true)]
    public Input<long> Points { get; set; } = 0L;

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        context.SetVariable("total", (long)context.GetVariable("total")! + await Points.EvaluateAsync(context));
        context.Complete(Outcomes.Done);
    }
}
