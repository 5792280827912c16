using SocialCommerce.Cluster;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Commerce.Workflows;

[Activity("Commerce", "Open group",
    "Opens a chat group (warm-up, task, head-user or interest) owned by an active promoter, in the owner's region. " +
    "A re-run opens the same group, never a second one.")]
[Outcomes(Outcomes.Done)]
public sealed class OpenGroup(GroupOpening opening) : Activity
{
    [Input("The group id; empty to derive one from this step (stable across re-runs).")]
    public Input<string?> GroupId { get; set; } = new((string?)null);

    [Input("The group's name.", Required = true)]
    public Input<string> Name { get; set; } = "";

    [Input("The promoter who owns the group.", Required = true)]
    public Input<string> OwnerId { get; set; } = "";

    [Input("warm-up (500 people, 7 days), task (50 people), head-user or interest.", Required = true, UiHint = UiHints.Select)]
    public Input<string> Kind { get; set; } = "warm-up";

    [Input("A variable that receives the opened group.", UiHint = UiHints.Variable, LiteralOnly = true)]
    public Input<string?> ResultVariable { get; set; } = new((string?)null);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var id = await GroupId.EvaluateAsync(context) is { Length: > 0 } given ? given : CommerceOperationIds.NewId(context, "g");
        var group = await opening.OpenAsync(
            new CreateGroup(id, await Name.EvaluateAsync(context), await OwnerId.EvaluateAsync(context), EnumNames.Parse<GroupKind>("kind", await Kind.EvaluateAsync(context))),
            context.CancellationToken);
        if (ResultVariable.Literal is { Length: > 0 } variable)
        {
            context.SetVariable(variable, group);
        }
        context.Complete(Outcomes.Done);
    }
}
