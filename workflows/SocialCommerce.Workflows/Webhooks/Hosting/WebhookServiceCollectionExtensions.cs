using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialCommerce.Cluster.Hosting;

namespace SocialCommerce.Workflows.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>Hooks, deliveries, the delivery log and the subscribers that dispatch deliveries and own webhook triggers.</summary>
    public static IServiceCollection AddWebhookTriggers(this IServiceCollection services)
    {
        services.AddGrain<IWebhookGrain, WebhookGrain>();
        services.AddGrain<IWebhookIndexGrain, WebhookIndexGrain>();
        services.AddGrain<IWebhookDeliveryGrain, WebhookDeliveryGrain>();
        services.AddMigrations<WebhookMigrations>();
        services.TryAddSingleton<WebhookDeliveryLog>();
        services.TryAddSingleton<RefusalLogWriter>();
        services.TryAddSingleton<WebhookSignatureVerifier>();
        services.AddEventSubscriber<WebhookTriggerSubscriber>();
        services.AddEventSubscriber<WebhookDispatcher>();
        services.AddOptions<WebhookRetentionOptions>();
        services.AddRetentionRule<WebhookRetentionRule>();
        return services;
    }
}
