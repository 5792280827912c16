using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Tests.Support;

/// <summary>Writes down the operation id of each run, as a grain call that dedups on it would see it; fails while the outage lasts.</summary>
[Activity("Test", "Record operation", "Records its operation id, then throws while the outage lasts.")]
[Outcomes(Outcomes.Done)]
public sealed class OperationRecorder(OperationRecorder.Calls calls, FlakyStep.Outage outage) : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        calls.Seen.Add(context.OperationId());
        if (outage.Down)
        {
            throw new InvalidOperationException("The downstream system is unavailable.");
        }
        context.Complete(Outcomes.Done);
        return ValueTask.CompletedTask;
    }

    public sealed class Calls
    {
        public List<string> Seen { get; } = [];
    }
}
