using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Host.Tests.Workflows;

/// <summary>A call to a partner system for incident tests: throws until the test brings <see cref="Partner"/> back.</summary>
[Activity("Test", "Downstream call", "Calls a partner system that may be down.")]
[Outcomes(Outcomes.Done)]
public sealed class DownstreamCall(DownstreamCall.Partner partner) : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (!partner.Available)
        {
            throw new HttpRequestException("The partner system answered 503.");
        }
        context.Complete(Outcomes.Done);
        return ValueTask.CompletedTask;
    }

    public sealed class Partner
    {
        public bool Available { get; set; }
    }
}
