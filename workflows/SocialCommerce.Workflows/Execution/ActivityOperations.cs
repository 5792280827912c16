namespace SocialCommerce.Workflows.Execution;

/// <summary>
/// A stable id for what one run of an activity does outside its instance (a grain call that moves money). A turn can
/// re-run after a version conflict and a stimulus can arrive twice, so the receiving grain dedups on this id: it is
/// the same on every re-run of one activity run, and differs between two runs of the activity in a loop.
/// </summary>
public static class ActivityOperations
{
    /// <summary>
    /// How many times this activity has completed in this instance before this run. A faulted run does not count, so an
    /// incident's retry gets the same number as the attempt that faulted (and the grain sees a repeat, not a new call).
    /// </summary>
    public static int Iteration(this ActivityContext context)
    {
        var count = 0;
        foreach (var entry in context.Execution.Journal)
        {
            if (entry.Kind == JournalEntryKind.Completed && entry.ActivityId == context.ActivityId)
            {
                count++;
            }
        }
        return count;
    }

    /// <summary><c>instance/activity/iteration</c>: the idempotency key of this activity run.</summary>
    public static string OperationId(this ActivityContext context) => $"{context.InstanceId}/{context.ActivityId}/{context.Iteration()}";
}
