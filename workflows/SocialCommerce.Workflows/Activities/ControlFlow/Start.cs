using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities.ControlFlow;

[Activity("Control flow", "Start", "Where a workflow started by hand, by the API or by another workflow begins.")]
[Outcomes(Outcomes.Done)]
public sealed class Start : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Complete(Outcomes.Done);
        return ValueTask.CompletedTask;
    }
}
