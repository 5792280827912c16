using SocialCommerce.Cluster;
using SocialCommerce.Commerce.Orders;
using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Commerce.Workflows;

[Activity("Commerce", "Get order", "Reads an order (items, total and paid in fen, status, payments) into a variable; NotFound when there is none.")]
[Outcomes(CommerceOutcomes.Found, CommerceOutcomes.NotFound)]
public sealed class GetOrder(IGrainFactory grains) : Activity
{
    [Input("The order id.", Required = true)]
    public Input<string> OrderId { get; set; } = "";

    [Input("The variable that receives the order.", Required = true, UiHint = UiHints.Variable, LiteralOnly = true)]
    public Input<string> ResultVariable { get; set; } = "";

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var order = await grains.Get<IOrderGrain>(await OrderId.EvaluateAsync(context)).GetAsync(context.CancellationToken);
        context.SetVariable(ResultVariable.Literal, order);
        context.Complete(order is null ? CommerceOutcomes.NotFound : CommerceOutcomes.Found);
    }
}
