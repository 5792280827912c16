using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities.ControlFlow;

[Activity("Control flow", "End", "Finishes the workflow: other branches stop and nothing it waits on resumes it any more.")]
[Outcomes]
public sealed class End : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Execution.Scheduled.Clear();
        context.Execution.Bookmarks.Clear();
        context.Complete(Outcomes.Done);
        return ValueTask.CompletedTask;
    }
}
