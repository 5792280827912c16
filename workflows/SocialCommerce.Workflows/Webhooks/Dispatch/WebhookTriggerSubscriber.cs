using SocialCommerce.Cluster;
using SocialCommerce.Workflows.Runtime;

namespace SocialCommerce.Workflows.Webhooks;

/// <summary>
/// Owns the webhook triggers of published definitions: publishing one with a <c>WebhookTrigger</c> creates its hook
/// (if the slug is free) and re-enables it after a retraction; retracting disables it. Also keeps the hook list.
/// Every step is idempotent, so redelivered events change nothing.
/// </summary>
public sealed class WebhookTriggerSubscriber(IGrainFactory grains) : IEventSubscriber
{
    public const string TriggerType = "WebhookTrigger";
    public const string SlugSetting = "slug";

    public string Name => "webhook-triggers";

    public async Task HandleAsync(OutboxEvent domainEvent, CancellationToken cancellationToken)
    {
        switch (domainEvent.EventType)
        {
            case "workflow.definition-published":
                await PublishedAsync(domainEvent.Read<WorkflowDefinitionPublished>(), cancellationToken);
                break;
            case "workflow.definition-retracted":
                await RetractedAsync(domainEvent.Read<WorkflowDefinitionRetracted>().DefinitionId, cancellationToken);
                break;
            case "webhook.created":
                await All().AddAsync(domainEvent.Read<WebhookCreated>().Slug, cancellationToken);
                break;
            case "webhook.deleted":
                await All().RemoveAsync(domainEvent.Read<WebhookDeleted>().Slug, cancellationToken);
                break;
        }
    }

    private async Task PublishedAsync(WorkflowDefinitionPublished published, CancellationToken cancellationToken)
    {
        var owned = grains.Get<IWebhookIndexGrain>(WebhookIds.DefinitionIndexKey(published.DefinitionId));
        foreach (var trigger in published.Triggers.Where(t => t.Type == TriggerType))
        {
            if (trigger.Settings.TryGetValue(SlugSetting, out var slug) && NewWebhook.IsValidSlug(slug) &&
                await grains.Get<IWebhookGrain>(slug).EnsureForDefinitionAsync(published.DefinitionId, trigger.ActivityId, cancellationToken))
            {
                // Indexed before this event completes, so a retraction right behind it finds the hook.
                await owned.AddAsync(slug, cancellationToken);
            }
        }
    }

    private async Task RetractedAsync(string definitionId, CancellationToken cancellationToken)
    {
        var owned = await grains.Get<IWebhookIndexGrain>(WebhookIds.DefinitionIndexKey(definitionId)).ListAsync(cancellationToken);
        foreach (var slug in owned)
        {
            await grains.Get<IWebhookGrain>(slug).DisableForRetractAsync(definitionId, cancellationToken);
        }
    }

    private IWebhookIndexGrain All() => grains.Get<IWebhookIndexGrain>(IWebhookIndexGrain.AllKey);
}
