using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities;

/// <summary>
/// One kind of step in a flowchart, in the shape of an Elsa 3 activity: its inputs are <see cref="Input{T}"/>
/// properties marked with <see cref="InputAttribute"/>, its outcomes are declared with <see cref="OutcomesAttribute"/>,
/// and <see cref="ExecuteAsync"/> completes with an outcome or waits on a bookmark. One object is made per activity
/// of a published version and shared by every run of it, so an activity keeps no per-run state in fields: per-run
/// state lives in the <see cref="ActivityContext"/>.
/// </summary>
public abstract class Activity
{
    public abstract ValueTask ExecuteAsync(ActivityContext context);

    /// <summary>Called when a bookmark this activity created is resumed (or falls due); completes <see cref="Outcomes.Done"/> by default.</summary>
    public virtual ValueTask ResumeAsync(ActivityContext context, BookmarkResumption resumption)
    {
        context.Complete(Outcomes.Done);
        return ValueTask.CompletedTask;
    }
}

/// <summary>The outcome names most activities share.</summary>
public static class Outcomes
{
    public const string Done = "Done";
}
