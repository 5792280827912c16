using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SocialCommerce.Cluster;
using SocialCommerce.Workflows.Webhooks;

namespace SocialCommerce.Host.Webhooks;

/// <summary>
/// <c>POST /hooks/{slug}</c>: checks a delivery (hook, rate limit, size, signature, JSON) and stores it in one grain
/// turn, then answers 202 — the workflow runs later, from the outbox. A refusal writes only its delivery-log entry.
/// </summary>
public static class HookReceiver
{
    public const string ResumeTokenProperty = "resumeToken";

    public static IEndpointRouteBuilder MapHookReceiver(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hooks/{slug}", ReceiveAsync)
            .WithTags("Webhooks")
            .DisableAntiforgery()
            .Produces<HookAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    internal static async Task<IResult> ReceiveAsync(string slug, HttpContext http, IGrainFactory grains, WebhookSignatureVerifier verifier,
        WebhookDeliveryLog log, RefusalLogWriter refusals, HookRateLimiters limiters, IOptions<WebhookOptions> options, CancellationToken cancellationToken)
    {
        var gate = NewWebhook.IsValidSlug(slug) ? await grains.Get<IWebhookGrain>(slug).GetGateAsync(cancellationToken) : null;
        if (gate is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown webhook",
                detail: $"No webhook '{slug}' exists. Check the URL, or create the hook with POST /api/webhooks.");
        }
        var refusal = new Refusal(http, log, refusals, slug);
        if (!gate.Enabled)
        {
            return await refusal.SendAsync(StatusCodes.Status410Gone, WebhookVerification.NotChecked, "Webhook disabled",
                $"Webhook '{slug}' is disabled and takes no deliveries; enable it with POST /api/webhooks/{slug}/enable (or publish its workflow again).");
        }
        if (!limiters.TryAcquire(slug, gate.RateLimitPerSecond, out var retryAfter))
        {
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return await refusal.SendAsync(StatusCodes.Status429TooManyRequests, WebhookVerification.NotChecked, "Too many deliveries",
                $"Webhook '{slug}' takes at most {gate.RateLimitPerSecond} deliveries per second; retry after {seconds} s (Retry-After).");
        }
        var maxBytes = options.Value.MaxBodyBytes;
        var body = await ReadBodyAsync(http.Request, maxBytes, cancellationToken);
        if (body is null)
        {
            return await refusal.SendAsync(StatusCodes.Status413PayloadTooLarge, WebhookVerification.NotChecked, "Delivery too large",
                $"Webhook bodies may be at most {maxBytes:N0} bytes; send a smaller payload (e.g. ids to fetch instead of whole documents).");
        }

        var headers = http.Request.Headers;
        var verification = verifier.Verify(gate.Secrets, headers[WebhookSigner.IdHeader], headers[WebhookSigner.TimestampHeader],
            headers[WebhookSigner.SignatureHeader], body);
        if (!verification.IsValid)
        {
            var malformed = verification.Outcome is WebhookVerification.MissingHeaders or WebhookVerification.MalformedTimestamp;
            return await refusal.SendAsync(malformed ? StatusCodes.Status400BadRequest : StatusCodes.Status401Unauthorized, verification.Outcome,
                malformed ? "Malformed webhook" : "Webhook signature rejected", verification.Message!);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException json)
        {
            return await refusal.SendAsync(StatusCodes.Status400BadRequest, WebhookVerification.Valid, "Webhook body is not JSON",
                $"The body must be JSON: {json.Message.Split(" Path: ")[0]} (line {json.LineNumber + 1}, position {json.BytePositionInLine + 1}).");
        }
        string? correlation, token;
        using (document) // read the two properties in place; a clone of the root would copy the whole body again
        {
            correlation = StringProperty(document.RootElement, gate.CorrelationProperty);
            token = StringProperty(document.RootElement, ResumeTokenProperty);
        }
        if (gate.Mode == WebhookMode.Resume && correlation is null && token is null)
        {
            return await refusal.SendAsync(StatusCodes.Status400BadRequest, WebhookVerification.Valid, "Nothing to resume",
                $"Webhook '{slug}' resumes waiting workflows: put the resume token in the body property '{ResumeTokenProperty}', " +
                $"or the correlation value in '{gate.CorrelationProperty}'.");
        }

        var dedupKey = WebhookIds.DedupKey(headers[WebhookSigner.IdHeader], headers[WebhookIds.IdempotencyKeyHeader], body);
        var request = new WebhookRequest(slug, dedupKey, gate.DefinitionId, gate.Mode, Encoding.UTF8.GetString(body), RedactedHeaders(http),
            correlation, gate.Mode == WebhookMode.Resume ? token : null, TriggerActivityId: gate.TriggerActivityId);
        var receipt = await grains.Get<IWebhookDeliveryGrain>(WebhookIds.DeliveryKey(slug, dedupKey)).AcceptAsync(request, cancellationToken);
        return TypedResults.Accepted((string?)null, new HookAccepted(receipt.InstanceId, receipt.DeliveryId));
    }

    /// <summary>The raw bytes (the signature covers them exactly), or null when they exceed the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string? StringProperty(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static IReadOnlyDictionary<string, string> RedactedHeaders(HttpContext http) =>
        WebhookHeaderRedaction.Redact(http.Request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())));

    /// <summary>A refused delivery: its log entry (the only thing it stores), then the problem response.</summary>
    private readonly record struct Refusal(HttpContext Http, WebhookDeliveryLog Log, RefusalLogWriter Writer, string Slug)
    {
        public async Task<IResult> SendAsync(int status, WebhookVerification verification, string title, string detail)
        {
            await Writer.WriteAsync(Log.Refusal(Slug, status, verification, RedactedHeaders(Http), detail));
            return TypedResults.Problem(statusCode: status, title: title, detail: detail);
        }
    }
}

/// <summary>The 202 body: the instance a start hook starts (null for a resume hook) and the delivery's id in the log.</summary>
public sealed record HookAccepted(string? InstanceId, string DeliveryId);
