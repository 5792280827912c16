using SocialCommerce.Cluster;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Commerce.Workflows;

[Activity("Commerce", "Get promoter", "Reads a promoter (level, status, region, uplines) into a variable; NotFound when there is none.")]
[Outcomes(CommerceOutcomes.Found, CommerceOutcomes.NotFound)]
public sealed class GetPromoter(IGrainFactory grains) : Activity
{
    [Input("The promoter id.", Required = true)]
    public Input<string> PromoterId { get; set; } = "";

    [Input("The variable that receives the promoter.", Required = true, UiHint = UiHints.Variable, LiteralOnly = true)]
    public Input<string> ResultVariable { get; set; } = "";

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var promoter = await grains.Get<IPromoterGrain>(await PromoterId.EvaluateAsync(context)).GetAsync(context.CancellationToken);
        context.SetVariable(ResultVariable.Literal, promoter);
        context.Complete(promoter is null ? CommerceOutcomes.NotFound : CommerceOutcomes.Found);
    }
}
