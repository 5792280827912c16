namespace SocialCommerce.Workflows.Webhooks;

public sealed class WebhookIndexState
{
    public SortedSet<string> Slugs { get; set; } = new(StringComparer.Ordinal);
}
