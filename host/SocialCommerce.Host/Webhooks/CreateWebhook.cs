using SocialCommerce.Commerce;
using SocialCommerce.Workflows.Webhooks;

namespace SocialCommerce.Host.Webhooks;

/// <param name="CorrelationProperty">Top-level body property that carries the correlation value (default <c>correlationId</c>).</param>
public sealed record CreateWebhook(string? Slug, string? DefinitionId, WebhookMode? Mode, int? RateLimitPerSecond, string? CorrelationProperty)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors()
            .Id("definitionId", DefinitionId)
            .Defined("mode", Mode)
            .Text("correlationProperty", CorrelationProperty, required: false);
        if (!NewWebhook.IsValidSlug(Slug))
        {
            errors.Add("slug", $"slug '{Slug}' is not valid: use 1-64 lower-case letters, digits or '-', starting with a letter or digit (it becomes /hooks/{{slug}}).");
        }
        if (RateLimitPerSecond is { } limit)
        {
            errors.Range("rateLimitPerSecond", limit, 1, NewWebhook.MaxRateLimitPerSecond);
        }
        return errors;
    }
}
