using System.Text.Json.Nodes;
using SocialCommerce.Cluster;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Running;
using SocialCommerce.Plugins.Sdk;
using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Activities.Scripting;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Commerce.Workflows;

[Activity("Commerce", "Check task evidence",
    "Runs a task-check plug-in on a promoter's evidence for a funnel task (invited fans, a built group, …): Passed or Failed, " +
    "with the check's reason.")]
[Outcomes(Passed, Failed)]
[UsesPlugin(PluginKind.TaskCheck)]
public sealed class CheckTaskEvidence(PluginRunner runner, IGrainFactory grains) : PluginActivity(runner)
{
    public const string Passed = "Passed";
    public const string Failed = "Failed";

    [Input("The promoter whose task it is; the check sees them as Promoter.")]
    public Input<string?> PromoterId { get; set; } = new((string?)null);

    [Input("A group the task is about (a build-a-group task); the check sees it as Group.")]
    public Input<string?> GroupId { get; set; } = new((string?)null);

    [Input("A variable that receives {passed, reason}.", UiHint = UiHints.Variable, LiteralOnly = true)]
    public Input<string?> ResultVariable { get; set; } = new((string?)null);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var promoter = await PromoterId.EvaluateAsync(context) is { Length: > 0 } promoterId
            ? await grains.Get<IPromoterGrain>(promoterId).GetAsync(context.CancellationToken) ?? throw new NotFoundException("Promoter", promoterId)
            : null;
        var group = await GroupId.EvaluateAsync(context) is { Length: > 0 } groupId
            ? await grains.Get<IGroupGrain>(groupId).GetAsync(context.CancellationToken) ?? throw new NotFoundException("Group", groupId)
            : null;
        var result = await RunPluginAsync(context, new PluginRunContext(
            promoter is null ? null : PluginViews.From(promoter), group is null ? null : PluginViews.From(group)));
        var passed = result.Outputs["passed"] is true;
        var reason = result.Outputs["reason"] as string ?? "";
        if (ResultVariable.Literal is { Length: > 0 } variable)
        {
            context.SetVariable(variable, new JsonObject { ["passed"] = passed, ["reason"] = reason });
        }
        context.Complete(passed ? Passed : Failed);
    }
}
