using SocialCommerce.Cluster;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Commerce.Workflows;

[Activity("Commerce", "Add group member",
    "Adds a member to a group (joining twice is a no-op). Full when the group has no room; the join emits GroupMemberJoined, " +
    "and GroupFilled when it fills the group.")]
[Outcomes(Outcomes.Done, Full)]
public sealed class AddGroupMember(IGrainFactory grains) : Activity
{
    public const string Full = "Full";

    [Input("The group.", Required = true)]
    public Input<string> GroupId { get; set; } = "";

    [Input("Who joins (a promoter or fan id).", Required = true)]
    public Input<string> MemberId { get; set; } = "";

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var groupId = await GroupId.EvaluateAsync(context);
        try
        {
            await grains.Get<IGroupGrain>(groupId).JoinAsync(await MemberId.EvaluateAsync(context), context.CancellationToken);
        }
        catch (ConflictException)
        {
            // The group refuses a join only when it is full (suspension and unknown ids are other exceptions).
            context.Complete(Full);
            return;
        }
        context.Complete(Outcomes.Done);
    }
}
