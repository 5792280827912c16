using System.Text.Json.Nodes;
using SocialCommerce.Cluster;
using SocialCommerce.Commerce.Ledger;
using SocialCommerce.Commerce.Orders;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Running;
using SocialCommerce.Plugins.Sdk;
using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Activities.Scripting;
using SocialCommerce.Workflows.Execution;
using OrderView = SocialCommerce.Commerce.Orders.OrderView;
using Sdk = SocialCommerce.Plugins.Sdk;

namespace SocialCommerce.Commerce.Workflows;

[Activity("Commerce", "Calculate commission",
    "Runs a commission-formula plug-in for a completed order and credits the seller, the upline and the upline's upline " +
    "(at most three levels, never per recruit) in their ledgers; the uplines earn a share of what the formula gives them. " +
    "A re-run or a second workflow for the same order credits nothing twice. NotCompleted when the order is not completed.")]
[Outcomes(Outcomes.Done, NotCompleted)]
[UsesPlugin(PluginKind.CommissionFormula)]
public sealed class CalculateCommission(PluginRunner runner, IGrainFactory grains) : PluginActivity(runner)
{
    public const string NotCompleted = "NotCompleted";

    private const long WholeBp = 10_000;

    [Input("The completed order.", Required = true)]
    public Input<string> OrderId { get; set; } = "";

    [Input("What the upline earns, in basis points of what the formula gives them (2000 = 20%).", UiHint = UiHints.Number)]
    public Input<long> UplineShareBp { get; set; } = 2_000L;

    [Input("What the upline's upline earns, in basis points of what the formula gives them (1000 = 10%).", UiHint = UiHints.Number)]
    public Input<long> SecondUplineShareBp { get; set; } = 1_000L;

    [Input("A variable that receives {orderId, totalFen, commissions: [{promoterId, level, amountFen}]}.", UiHint = UiHints.Variable, LiteralOnly = true)]
    public Input<string?> ResultVariable { get; set; } = new((string?)null);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var orderId = await OrderId.EvaluateAsync(context);
        var order = await grains.Get<IOrderGrain>(orderId).GetAsync(context.CancellationToken) ?? throw new NotFoundException("Order", orderId);
        if (order is not { Status: OrderStatus.Completed, CompletedAt: { } completedAt })
        {
            context.Complete(NotCompleted);
            return;
        }
        long[] shares = [WholeBp, Share("uplineShareBp", await UplineShareBp.EvaluateAsync(context)),
            Share("secondUplineShareBp", await SecondUplineShareBp.EvaluateAsync(context))];
        var operation = context.OperationId();
        var credited = new JsonArray();
        var total = Money.Zero;
        foreach (var (beneficiary, level) in ChainOf(order))
        {
            var promoter = await grains.Get<IPromoterGrain>(beneficiary).GetAsync(context.CancellationToken);
            if (promoter is null)
            {
                continue;
            }
            // Each beneficiary's tier follows their own month-to-date sales; the seller's include the order being paid.
            var ledger = grains.Get<ILedgerGrain>(beneficiary);
            var monthlyGmv = await ledger.GetMonthlySalesAsync(completedAt, context.CancellationToken) + (level == 1 ? order.Total : Money.Zero);
            var amount = await FormulaAsync(context, PluginViews.From(promoter, monthlyGmv), order) * shares[level - 1];
            // Whole fen, half a fen up: the share never goes through a floating-point number.
            var commission = Money.FromFen((amount + WholeBp / 2) / WholeBp);
            var entry = await ledger.CreditCommissionAsync(new CommissionCredit($"{operation}/level-{level}", order.Id, order.PromoterId, level,
                commission, level == 1 ? new OrderSale(order.Total, completedAt) : null), context.CancellationToken);
            total += entry.Amount;
            credited.Add(new JsonObject { ["promoterId"] = beneficiary, ["level"] = level, ["amountFen"] = entry.Amount.Fen });
        }
        if (ResultVariable.Literal is { Length: > 0 } variable)
        {
            context.SetVariable(variable, new JsonObject { ["orderId"] = order.Id, ["totalFen"] = total.Fen, ["commissions"] = credited });
        }
        context.Complete(Outcomes.Done);
    }

    /// <summary>The seller and at most two uplines, as the order recorded them when it was placed; never a fourth level.</summary>
    private static IEnumerable<(string PromoterId, int Level)> ChainOf(OrderView order) =>
        new[] { order.PromoterId, order.UplineId, order.SecondUplineId }
            .Take(LedgerState.MaxCommissionLevels)
            .Select((id, index) => (id, index + 1))
            .Where(p => p.id is not null)
            .Select(p => (p.id!, p.Item2));

    private async Task<long> FormulaAsync(ActivityContext context, Sdk.PromoterView promoter, OrderView order)
    {
        var result = await RunPluginAsync(context, new PluginRunContext(promoter, null, PluginViews.From(order)));
        var commission = Convert.ToInt64(result.Outputs["commission"], System.Globalization.CultureInfo.InvariantCulture);
        return commission >= 0
            ? commission
            : throw new InvalidOperationException($"Commission formula {Plugin.Literal} {PluginVersion.Literal} gave a negative commission ({commission} fen) for order '{order.Id}'.");
    }

    private static long Share(string field, long basisPoints) => basisPoints is >= 0 and <= WholeBp
        ? basisPoints
        : throw new DomainValidationException(field, $"{field} must be between 0 and {WholeBp} basis points (got {basisPoints}).");
}
