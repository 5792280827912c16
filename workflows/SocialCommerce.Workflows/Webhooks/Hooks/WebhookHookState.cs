namespace SocialCommerce.Workflows.Webhooks;

/// <summary>One hook (<c>/hooks/{slug}</c>): the definition it drives, how, its secrets, and whether it takes deliveries.</summary>
public sealed class WebhookHookState
{
    public const int DefaultRateLimitPerSecond = 100;

    public string DefinitionId { get; set; } = "";

    public WebhookMode Mode { get; set; }

    public bool Enabled { get; set; }

    /// <summary>Deleted hooks keep their row (grains are never removed); the slug may be created again.</summary>
    public bool Deleted { get; set; }

    /// <summary>Disabled because its definition was retracted; publishing it again re-enables the hook.</summary>
    public bool DisabledByRetract { get; set; }

    public bool CreatedByTrigger { get; set; }

    /// <summary>The WebhookTrigger activity of the definition that declared this hook, named to the engine on each start.</summary>
    public string? TriggerActivityId { get; set; }

    public int RateLimitPerSecond { get; set; } = DefaultRateLimitPerSecond;

    /// <summary>Top-level body property holding the correlation value (resume hooks; start hooks pass it on).</summary>
    public string CorrelationProperty { get; set; } = "correlationId";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Newest first. Older ones stay until their <see cref="WebhookSecretEntry.ExpiresAt"/>.</summary>
    public List<WebhookSecretEntry> Secrets { get; set; } = [];

    public bool IsLive => DefinitionId.Length > 0 && !Deleted;

    public IReadOnlyList<string> SecretsValidAt(DateTimeOffset now) =>
        Secrets.Where(s => s.ExpiresAt is null || s.ExpiresAt > now).Select(s => s.Secret).ToArray();

    public void Reset(NewWebhook hook, bool createdByTrigger, DateTimeOffset now)
    {
        DefinitionId = hook.DefinitionId;
        Mode = hook.Mode;
        Enabled = true;
        Deleted = false;
        DisabledByRetract = false;
        CreatedByTrigger = createdByTrigger;
        TriggerActivityId = null;
        RateLimitPerSecond = hook.RateLimitPerSecond ?? DefaultRateLimitPerSecond;
        CorrelationProperty = hook.CorrelationProperty ?? "correlationId";
        CreatedAt = now;
        Secrets = [new WebhookSecretEntry(WebhookSecret.Generate(), now, null)];
    }

    public WebhookView ToView(string slug, DateTimeOffset now) => new(slug, DefinitionId, Mode, Enabled, RateLimitPerSecond,
        CorrelationProperty, CreatedAt, CreatedByTrigger, SecretsValidAt(now).Count);
}
