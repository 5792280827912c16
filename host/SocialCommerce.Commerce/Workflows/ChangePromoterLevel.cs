using SocialCommerce.Cluster;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Commerce.Workflows;

[Activity("Commerce", "Change promoter level",
    "Moves a promoter to a level — e.g. a funnel graduate to supervisor, who may then run a funnel line of their own. " +
    "Already at that level is a no-op.")]
[Outcomes(Outcomes.Done)]
public sealed class ChangePromoterLevel(IGrainFactory grains) : Activity
{
    [Input("The promoter id.", Required = true)]
    public Input<string> PromoterId { get; set; } = "";

    [Input("new-member, promoter or supervisor.", Required = true, UiHint = UiHints.Select)]
    public Input<string> Level { get; set; } = "supervisor";

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        await grains.Get<IPromoterGrain>(await PromoterId.EvaluateAsync(context))
            .ChangeLevelAsync(EnumNames.Parse<PromoterLevel>("level", await Level.EvaluateAsync(context)), context.CancellationToken);
        context.Complete(Outcomes.Done);
    }
}
