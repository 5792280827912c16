using System.Text.RegularExpressions;

namespace SocialCommerce.Workflows.Webhooks;

/// <summary>What creating a hook needs; null optional fields take the defaults of <see cref="WebhookHookState"/>.</summary>
public sealed partial record NewWebhook(string DefinitionId, WebhookMode Mode, int? RateLimitPerSecond = null, string? CorrelationProperty = null)
{
    public const int MaxRateLimitPerSecond = 1_000_000;

    /// <summary>Lower-case letters, digits and dashes, 1–64 long, starting with a letter or digit: safe in a URL path and a grain key.</summary>
    public static bool IsValidSlug(string? slug) => slug is not null && SlugPattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex SlugPattern();
}
