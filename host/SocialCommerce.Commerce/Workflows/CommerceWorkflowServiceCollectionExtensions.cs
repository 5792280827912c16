using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Ledger;
using SocialCommerce.Commerce.Orders;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Workflows.Hosting;

namespace SocialCommerce.Commerce.Workflows;

public static class CommerceWorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Commerce's part of the workflow palette, through the engine's extension points: its activities, and its domain
    /// events (correlated by promoter, group or order id) for EventTrigger and WaitForEvent. Called by AddCommerce.
    /// </summary>
    public static IServiceCollection AddCommerceWorkflows(this IServiceCollection services)
    {
        services.AddActivity<OpenGroup>().AddActivity<AddGroupMember>().AddActivity<GetPromoter>().AddActivity<GetOrder>()
            .AddActivity<ChangePromoterLevel>().AddActivity<CalculateCommission>().AddActivity<CheckTaskEvidence>().AddActivity<GrantTaskReward>();

        services.AddWorkflowEvent<PromoterRegistered>(e => e.PromoterId)
            .AddWorkflowEvent<PromoterLevelChanged>(e => e.PromoterId)
            .AddWorkflowEvent<PromoterSuspended>(e => e.PromoterId)
            .AddWorkflowEvent<PromoterReactivated>(e => e.PromoterId)
            .AddWorkflowEvent<GroupCreated>(e => e.GroupId)
            .AddWorkflowEvent<GroupMemberJoined>(e => e.GroupId)
            .AddWorkflowEvent<GroupMemberLeft>(e => e.GroupId)
            .AddWorkflowEvent<GroupFilled>(e => e.GroupId)
            .AddWorkflowEvent<OrderPlaced>(e => e.OrderId)
            .AddWorkflowEvent<PaymentRecorded>(e => e.OrderId)
            .AddWorkflowEvent<OrderPaid>(e => e.OrderId)
            .AddWorkflowEvent<OrderShipped>(e => e.OrderId)
            .AddWorkflowEvent<OrderSigned>(e => e.OrderId)
            .AddWorkflowEvent<OrderCompleted>(e => e.OrderId)
            .AddWorkflowEvent<OrderReturned>(e => e.OrderId)
            .AddWorkflowEvent<CommissionCredited>(e => e.PromoterId)
            .AddWorkflowEvent<TaskRewardGranted>(e => e.PromoterId);
        return services;
    }
}
