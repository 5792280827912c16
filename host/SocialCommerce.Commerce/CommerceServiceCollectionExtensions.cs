using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Ledger;
using SocialCommerce.Commerce.Orders;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Commerce.Regions;
using SocialCommerce.Commerce.Workflows;

namespace SocialCommerce.Commerce;

public static class CommerceServiceCollectionExtensions
{
    /// <summary>
    /// The commerce grains, the services that check a request across grains before writing, the list keeper, and the
    /// activities and events commerce adds to the workflow engine.
    /// </summary>
    public static IServiceCollection AddCommerce(this IServiceCollection services)
    {
        services.AddGrain<IPromoterGrain, PromoterGrain>();
        services.AddGrain<IInviteCodeGrain, InviteCodeGrain>();
        services.AddGrain<IGroupGrain, GroupGrain>();
        services.AddGrain<IOrderGrain, OrderGrain>();
        services.AddGrain<IRegionGrain, RegionGrain>();
        services.AddGrain<IRegionCatalogGrain, RegionCatalogGrain>();
        services.AddGrain<ILedgerGrain, LedgerGrain>();
        services.AddEventSubscriber<CommerceListsSubscriber>();
        services.TryAddSingleton<PromoterSignUp>();
        services.TryAddSingleton<GroupOpening>();
        services.TryAddSingleton<OrderPlacement>();
        services.TryAddSingleton<FunnelLineLaunch>();
        services.AddCommerceWorkflows();
        return services;
    }
}
