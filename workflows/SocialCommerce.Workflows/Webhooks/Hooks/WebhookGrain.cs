using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Webhooks;

[GrainType("webhook")]
public sealed class WebhookGrain(IGrainState<WebhookHookState> state, TimeProvider time) : IWebhookGrain
{
    private string Slug => state.Id.Key;

    public async Task<WebhookSecretIssued> CreateAsync(NewWebhook hook, CancellationToken cancellationToken = default)
    {
        if (state.State.IsLive)
        {
            throw new WebhookConflictException("Webhook already exists",
                $"A webhook with slug '{Slug}' already exists (for definition '{state.State.DefinitionId}'); choose another slug or delete that one first.");
        }
        var now = time.GetUtcNow();
        state.State.Reset(hook, createdByTrigger: false, now);
        state.Emit(new WebhookCreated(Slug, hook.DefinitionId, hook.Mode));
        await state.WriteAsync(cancellationToken);
        return new WebhookSecretIssued(state.State.ToView(Slug, now), state.State.Secrets[0].Secret, null);
    }

    public Task<WebhookView?> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.IsLive ? state.State.ToView(Slug, time.GetUtcNow()) : null);

    public Task<WebhookGate?> GetGateAsync(CancellationToken cancellationToken = default)
    {
        var hook = state.State;
        return Task.FromResult(hook.IsLive
            ? new WebhookGate(Slug, hook.DefinitionId, hook.Mode, hook.Enabled, hook.RateLimitPerSecond, hook.CorrelationProperty,
                hook.SecretsValidAt(time.GetUtcNow()), hook.TriggerActivityId)
            : null);
    }

    public async Task<WebhookSecretIssued> RotateSecretAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        var hook = Live();
        var now = time.GetUtcNow();
        var graceEnds = now + grace;
        // Secrets already on their way out keep the earlier of their own end and the new one.
        hook.Secrets = hook.Secrets
            .Where(s => s.ExpiresAt is null || s.ExpiresAt > now)
            .Select(s => s with { ExpiresAt = s.ExpiresAt is { } ends && ends < graceEnds ? ends : graceEnds })
            .Prepend(new WebhookSecretEntry(WebhookSecret.Generate(), now, null))
            .ToList();
        await state.WriteAsync(cancellationToken);
        return new WebhookSecretIssued(hook.ToView(Slug, now), hook.Secrets[0].Secret, graceEnds);
    }

    public async Task<WebhookView> SetEnabledAsync(bool enabled, CancellationToken cancellationToken = default)
    {
        var hook = Live();
        if (hook.Enabled != enabled || hook.DisabledByRetract)
        {
            hook.Enabled = enabled;
            hook.DisabledByRetract = false;
            await state.WriteAsync(cancellationToken);
        }
        return hook.ToView(Slug, time.GetUtcNow());
    }

    public async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        var hook = Live();
        hook.Deleted = true;
        hook.Enabled = false;
        hook.Secrets = [];
        state.Emit(new WebhookDeleted(Slug));
        await state.WriteAsync(cancellationToken);
    }

    public async Task<bool> EnsureForDefinitionAsync(string definitionId, string? triggerActivityId, CancellationToken cancellationToken = default)
    {
        var hook = state.State;
        if (!hook.IsLive)
        {
            hook.Reset(new NewWebhook(definitionId, WebhookMode.Start), createdByTrigger: true, time.GetUtcNow());
            hook.TriggerActivityId = triggerActivityId;
            state.Emit(new WebhookCreated(Slug, definitionId, WebhookMode.Start));
            await state.WriteAsync(cancellationToken);
            return true;
        }
        if (hook.DefinitionId != definitionId)
        {
            return false;
        }
        if (hook.DisabledByRetract || (hook.CreatedByTrigger && hook.TriggerActivityId != triggerActivityId))
        {
            if (hook.DisabledByRetract)
            {
                hook.DisabledByRetract = false;
                hook.Enabled = true;
            }
            if (hook.CreatedByTrigger)
            {
                hook.TriggerActivityId = triggerActivityId; // the new version may have renamed its trigger
            }
            await state.WriteAsync(cancellationToken);
        }
        return true;
    }

    public async Task DisableForRetractAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var hook = state.State;
        if (hook.IsLive && hook.DefinitionId == definitionId && hook.Enabled)
        {
            hook.Enabled = false;
            hook.DisabledByRetract = true;
            await state.WriteAsync(cancellationToken);
        }
    }

    private WebhookHookState Live() => state.State.IsLive ? state.State : throw new WebhookNotFoundException("Webhook", Slug);
}
