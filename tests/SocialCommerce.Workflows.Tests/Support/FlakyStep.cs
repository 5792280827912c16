using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Tests.Support;

/// <summary>An activity that fails while its <see cref="Outage"/> lasts, as a call to a downstream system would.</summary>
[Activity("Test", "Flaky step", "Throws while the outage lasts.")]
[Outcomes(Outcomes.Done)]
public sealed class FlakyStep(FlakyStep.Outage outage) : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (outage.Down)
        {
            throw new InvalidOperationException("The downstream system is unavailable.");
        }
        context.Complete(Outcomes.Done);
        return ValueTask.CompletedTask;
    }

    public sealed class Outage
    {
        public bool Down { get; set; } = true;
    }
}
