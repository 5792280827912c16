using SocialCommerce.Workflows.Webhooks;

namespace SocialCommerce.Host.Webhooks;

public static class WebhookExtensions
{
    /// <summary>Webhook triggers: hooks, deliveries and their log (Workflows), plus the HTTP side's limits and rate limiters.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWebhookTriggers();
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.SectionName));
        services.Configure<WebhookRetentionOptions>(configuration.GetSection(WebhookRetentionOptions.SectionName));
        services.AddSingleton<HookRateLimiters>();
        services.AddExceptionHandler<WebhookExceptionHandler>();
        return services;
    }

    /// <summary><c>POST /hooks/{slug}</c> for senders, <c>/api/webhooks</c> for operators.</summary>
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapHookReceiver();
        app.MapWebhooksApi();
        return app;
    }
}
