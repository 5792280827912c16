using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SocialCommerce.Cluster;
using SocialCommerce.Commerce;
using SocialCommerce.Host.Commerce;
using SocialCommerce.Workflows.Webhooks;

namespace SocialCommerce.Host.Webhooks;

/// <summary>Operators' API for hooks: create (the secret is shown once), list, get, rotate, enable/disable, delete, deliveries, replay.</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/webhooks").WithTags("Webhooks");
        api.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/", Create);
        api.MapGet("/", List);
        api.MapGet("/{slug}", Get);
        api.MapPost("/{slug}/rotate-secret", RotateSecret);
        api.MapPost("/{slug}/enable", (string slug, IGrainFactory grains, CancellationToken cancellationToken) => SetEnabled(slug, true, grains, cancellationToken));
        api.MapPost("/{slug}/disable", (string slug, IGrainFactory grains, CancellationToken cancellationToken) => SetEnabled(slug, false, grains, cancellationToken));
        api.MapDelete("/{slug}", Delete);
        api.MapGet("/{slug}/deliveries", Deliveries);
        api.MapGet("/{slug}/deliveries/{deliveryId}", Delivery);
        api.MapPost("/{slug}/deliveries/{deliveryId}/replay", Replay);
        return api;
    }

    public static async Task<Results<Created<WebhookSecretIssued>, ValidationProblem>> Create(
        CreateWebhook request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var issued = await grains.Get<IWebhookGrain>(request.Slug!).CreateAsync(
            new NewWebhook(request.DefinitionId!, request.Mode!.Value, request.RateLimitPerSecond, request.CorrelationProperty), cancellationToken);
        return TypedResults.Created($"/api/webhooks/{request.Slug}", issued);
    }

    /// <summary>Every hook (the list follows creations and deletions through the outbox, so it can lag them by a moment).</summary>
    public static async Task<Ok<IReadOnlyList<WebhookView>>> List(IGrainFactory grains, CancellationToken cancellationToken)
    {
        var slugs = await grains.Get<IWebhookIndexGrain>(IWebhookIndexGrain.AllKey).ListAsync(cancellationToken);
        var hooks = await Task.WhenAll(slugs.Select(slug => grains.Get<IWebhookGrain>(slug).GetAsync(cancellationToken)));
        return TypedResults.Ok<IReadOnlyList<WebhookView>>(hooks.OfType<WebhookView>().ToArray());
    }

    public static async Task<Ok<WebhookView>> Get(string slug, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Hook(slug, grains).GetAsync(cancellationToken) ?? throw new WebhookNotFoundException("Webhook", slug));

    /// <summary>Issues a new secret; the old one stays valid for <paramref name="graceHours"/> (default 24) so senders can switch.</summary>
    public static async Task<Results<Ok<WebhookSecretIssued>, ValidationProblem>> RotateSecret(
        string slug, int? graceHours, IGrainFactory grains, IOptions<WebhookOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (graceHours is { } hours)
        {
            errors.Range("graceHours", hours, 0, 24 * 30);
        }
        return errors.IsEmpty
            ? TypedResults.Ok(await Hook(slug, grains).RotateSecretAsync(
                graceHours is { } h ? TimeSpan.FromHours(h) : options.Value.DefaultRotationGrace, cancellationToken))
            : TypedResults.ValidationProblem(errors.ToDictionary());
    }

    public static async Task<Ok<WebhookView>> SetEnabled(string slug, bool enabled, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Hook(slug, grains).SetEnabledAsync(enabled, cancellationToken));

    public static async Task<NoContent> Delete(string slug, IGrainFactory grains, CancellationToken cancellationToken)
    {
        await Hook(slug, grains).DeleteAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>A hook's delivery log, newest first; <c>status</c> filters (refused, retrying, started, resumed, no-match, failed).</summary>
    public static async Task<Results<Ok<WebhookLogPage>, ValidationProblem>> Deliveries(string slug, string? status, WebhookDeliveryLog log,
        CancellationToken cancellationToken, int offset = 0, int limit = Paging.DefaultLimit)
    {
        var errors = Paging.Validate(offset, limit);
        WebhookDeliveryStatus? filter = null;
        if (status is not null)
        {
            if (WebhookStatusNames.TryParse(status, out var parsed))
            {
                filter = parsed;
            }
            else
            {
                errors.Add("status", $"status '{status}' is unknown; use one of: {string.Join(", ", WebhookStatusNames.All)}.");
            }
        }
        return errors.IsEmpty
            ? TypedResults.Ok(await log.ListAsync(slug, filter, offset, limit, cancellationToken))
            : TypedResults.ValidationProblem(errors.ToDictionary());
    }

    /// <summary>One log entry, with the stored body when the delivery was accepted (refused ones stored none).</summary>
    public static async Task<Ok<WebhookDeliveryDetail>> Delivery(string slug, string deliveryId, WebhookDeliveryLog log, IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        var entry = await Logged(slug, deliveryId, log, cancellationToken);
        var stored = entry.DedupKey is { } key
            ? await grains.Get<IWebhookDeliveryGrain>(WebhookIds.DeliveryKey(slug, key)).GetAsync(cancellationToken)
            : null;
        return TypedResults.Ok(new WebhookDeliveryDetail(entry, stored?.Request?.Body));
    }

    /// <summary>Sends a logged, accepted delivery to the engine again as a new delivery (new stimulus) linked to the original.</summary>
    public static async Task<Accepted<HookAccepted>> Replay(string slug, string deliveryId, WebhookDeliveryLog log, IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        var entry = await Logged(slug, deliveryId, log, cancellationToken);
        var original = entry.DedupKey is { } key
            ? (await grains.Get<IWebhookDeliveryGrain>(WebhookIds.DeliveryKey(slug, key)).GetAsync(cancellationToken))?.Request
            : null;
        if (original is null)
        {
            throw new WebhookConflictException("Nothing to replay",
                $"Delivery '{deliveryId}' was refused ({entry.HttpStatus}), so no request was stored; ask the sender to deliver it again.");
        }
        var replayKey = "replay:" + Guid.CreateVersion7().ToString("N");
        var receipt = await grains.Get<IWebhookDeliveryGrain>(WebhookIds.DeliveryKey(slug, replayKey))
            .AcceptAsync(original with { DedupKey = replayKey, ReplayOf = deliveryId }, cancellationToken);
        return TypedResults.Accepted($"/api/webhooks/{slug}/deliveries/{receipt.DeliveryId}", new HookAccepted(receipt.InstanceId, receipt.DeliveryId));
    }

    private static IWebhookGrain Hook(string slug, IGrainFactory grains) =>
        NewWebhook.IsValidSlug(slug) ? grains.Get<IWebhookGrain>(slug) : throw new WebhookNotFoundException("Webhook", slug);

    private static async Task<WebhookLogEntry> Logged(string slug, string deliveryId, WebhookDeliveryLog log, CancellationToken cancellationToken) =>
        await log.GetAsync(deliveryId, cancellationToken) is { } entry && entry.Slug == slug
            ? entry
            : throw new WebhookNotFoundException("Delivery", deliveryId);
}

public sealed record WebhookDeliveryDetail(WebhookLogEntry Delivery, string? Body);
