using SocialCommerce.Cluster;
using SocialCommerce.Commerce.Ledger;
using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Commerce.Workflows;

[Activity("Commerce", "Grant task reward",
    "Pays a promoter a small fixed cash reward (at most ¥200.00) for a completed task, once per task, keeping their task rewards " +
    "within the cap. Granted, AlreadyRewarded (a re-run or a second completion of the task) or CapReached.")]
[Outcomes(nameof(TaskRewardOutcome.Granted), nameof(TaskRewardOutcome.AlreadyRewarded), nameof(TaskRewardOutcome.CapReached))]
public sealed class GrantTaskReward(IGrainFactory grains) : Activity
{
    [Input("The promoter who completed the task.", Required = true)]
    public Input<string> PromoterId { get; set; } = "";

    [Input("The task, e.g. invite-fans; each task is rewarded once per promoter.", Required = true)]
    public Input<string> TaskName { get; set; } = "";

    [Input("The reward in fen (500 = ¥5.00).", Required = true, UiHint = UiHints.Number)]
    public Input<long> AmountFen { get; set; } = 0L;

    [Input("The most the promoter's task rewards may add up to, in fen (10000 = ¥100.00).", UiHint = UiHints.Number)]
    public Input<long> CapFen { get; set; } = 10_000L;

    [Input("A variable that receives the amount paid in fen (0 when nothing was paid now).", UiHint = UiHints.Variable, LiteralOnly = true)]
    public Input<string?> ResultVariable { get; set; } = new((string?)null);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var reward = new TaskReward(context.OperationId(), await TaskName.EvaluateAsync(context),
            Money.FromFen(await AmountFen.EvaluateAsync(context)), Money.FromFen(await CapFen.EvaluateAsync(context)));
        var result = await grains.Get<ILedgerGrain>(await PromoterId.EvaluateAsync(context)).GrantTaskRewardAsync(reward, context.CancellationToken);
        if (ResultVariable.Literal is { Length: > 0 } variable)
        {
            context.SetVariable(variable, result.Outcome == TaskRewardOutcome.Granted ? result.Entry!.Amount.Fen : 0L);
        }
        context.Complete(result.Outcome.ToString());
    }
}
