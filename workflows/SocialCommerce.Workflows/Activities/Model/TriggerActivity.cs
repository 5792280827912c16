using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities;

/// <summary>
/// A trigger that only marks where the workflow starts: by the time it runs, the runtime has already started the
/// instance from the stimulus (request body or event as input), so it completes Done.
/// </summary>
public abstract class TriggerActivity : Activity
{
    public sealed override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Complete(Outcomes.Done);
        return ValueTask.CompletedTask;
    }
}
