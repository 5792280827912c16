using System.Net;
using System.Net.Http.Json;
using System.Text;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Host.Tests.Support;
using SocialCommerce.Host.Webhooks;
using SocialCommerce.Testing;
using SocialCommerce.Workflows.Webhooks;

namespace SocialCommerce.Host.Tests.Webhooks;

public sealed class HookReceiverTests
{
    private const int MaxBody = 256 * 1024;

    [Fact]
    public Task SignedDelivery_Returns202_AndStartsItsInstanceOnce_Sqlite() => SignedDelivery(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task SignedDelivery_Returns202_AndStartsItsInstanceOnce_Postgres() => SignedDelivery(DatabaseProvider.Postgres);

    [Fact]
    public Task SameWebhookTwice_StartsOneInstance_RepeatGetsFirstResponse_Sqlite() => SameWebhookTwice(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task SameWebhookTwice_StartsOneInstance_RepeatGetsFirstResponse_Postgres() => SameWebhookTwice(DatabaseProvider.Postgres);

    [Theory]
    [MemberData(nameof(Refusals))]
    public Task Refusal_StoresNothingButItsLogEntry_Sqlite(string refusal, HttpStatusCode expected) =>
        RefusalStoresOnlyLogEntry(DatabaseProvider.Sqlite, refusal, expected);

    [PostgresFact]
    public async Task Refusal_StoresNothingButItsLogEntry_Postgres()
    {
        foreach (var row in Refusals())
        {
            await RefusalStoresOnlyLogEntry(DatabaseProvider.Postgres, (string)row[0], (HttpStatusCode)row[1]);
        }
    }

    public static TheoryData<string, HttpStatusCode> Refusals() => new()
    {
        { "wrong secret", HttpStatusCode.Unauthorized },
        { "tampered body", HttpStatusCode.Unauthorized },
        { "stale timestamp", HttpStatusCode.Unauthorized },
        { "future timestamp", HttpStatusCode.Unauthorized },
        { "missing headers", HttpStatusCode.BadRequest },
        { "body not JSON", HttpStatusCode.BadRequest },
        { "over 256 KB", HttpStatusCode.RequestEntityTooLarge },
        { "disabled hook", HttpStatusCode.Gone },
        { "over rate limit", HttpStatusCode.TooManyRequests },
    };

    [Fact]
    public async Task BodyOfExactly256KB_IsAccepted_OneByteMore_Is413()
    {
        await using var host = await WebhookHost.StartAsync();
        var hook = await host.CreateHookAsync("big");

        var atLimit = await host.DeliverAsync("big", hook.Secret, JsonOfSize(MaxBody));
        var overLimit = await host.DeliverAsync("big", hook.Secret, JsonOfSize(MaxBody + 1));

        Assert.Equal(HttpStatusCode.Accepted, atLimit.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overLimit.StatusCode);
    }

    [Fact]
    public async Task OverRateLimit_Is429_WithRetryAfter()
    {
        await using var host = await WebhookHost.StartAsync();
        var hook = await host.CreateHookAsync("slow", rateLimitPerSecond: 1);

        var first = await host.DeliverAsync("slow", hook.Secret, "{}");
        var second = await host.DeliverAsync("slow", hook.Secret, "{}");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BurstOfBadSignatures_EachIsRefusedAndLogged()
    {
        await using var host = await WebhookHost.StartAsync();
        await host.CreateHookAsync("shop-paid");
        var wrongSecret = WebhookSecret.Generate();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => host.DeliverAsync("shop-paid", wrongSecret, "{}")));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode));
        Assert.Equal(50, await host.CountAsync("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'Refused' AND verification = 'BadSignature'"));
    }

    [Fact]
    public async Task UnknownHook_Is404Problem_AndLogsNothing()
    {
        await using var host = await WebhookHost.StartAsync();

        var response = await host.DeliverAsync("nobody", WebhookSecret.Generate(), "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("POST /api/webhooks", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await host.CountAsync("SELECT COUNT(*) FROM webhook_deliveries"));
    }

    [Fact]
    public async Task ResumeHook_ByCorrelationInBody_ResumesTheWaitingInstance()
    {
        await using var host = await WebhookHost.StartAsync();
        var hook = await host.CreateHookAsync("courier-signed", mode: "resume");
        host.Runtime.Wait("wf-order-7", bookmark: SocialCommerce.Workflows.Runtime.WebhookBookmarks.NameFor("courier-signed"), correlation: "order-7");

        var response = await host.DeliverAsync("courier-signed", hook.Secret, """{"correlationId":"order-7","signedBy":"Li"}""");
        var accepted = await response.Content.ReadFromJsonAsync<HookAccepted>();
        var entry = await host.WaitForSettledAsync(accepted!.DeliveryId);

        Assert.Null(accepted.InstanceId);
        Assert.Equal(WebhookDeliveryStatus.Resumed, entry.Status);
        Assert.Equal(["wf-order-7"], entry.InstanceIds);
    }

    [Fact]
    public async Task ResumeHook_ByTokenInBody_ResumesThatBookmark()
    {
        await using var host = await WebhookHost.StartAsync();
        var hook = await host.CreateHookAsync("approve", mode: "resume");
        host.Runtime.Wait("wf-1", token: "tok-1");
        host.Runtime.Wait("wf-2", token: "tok-2");

        var response = await host.DeliverAsync("approve", hook.Secret, """{"resumeToken":"tok-2","approved":true}""");
        var entry = await host.WaitForSettledAsync((await response.Content.ReadFromJsonAsync<HookAccepted>())!.DeliveryId);

        Assert.Equal(["wf-2"], entry.InstanceIds);
        Assert.Equal("tok-2", Assert.Single(host.Runtime.Resumes).ResumeToken);
    }

    [Fact]
    public async Task ResumeHook_WithoutTokenOrCorrelation_Is400()
    {
        await using var host = await WebhookHost.StartAsync();
        var hook = await host.CreateHookAsync("approve", mode: "resume");

        var response = await host.DeliverAsync("approve", hook.Secret, """{"approved":true}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("resumeToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RotatedSecret_BothSecretsWorkDuringGrace_OldFailsWithoutGrace()
    {
        await using var host = await WebhookHost.StartAsync();
        var first = await host.CreateHookAsync("rotating");

        var rotated = await (await host.Client.PostAsync("/api/webhooks/rotating/rotate-secret", null)).Content.ReadFromJsonAsync<WebhookSecretIssued>();
        var oldDuringGrace = await host.DeliverAsync("rotating", first.Secret, "{}");
        var newDuringGrace = await host.DeliverAsync("rotating", rotated!.Secret, "{}");
        var again = await (await host.Client.PostAsync("/api/webhooks/rotating/rotate-secret?graceHours=0", null)).Content.ReadFromJsonAsync<WebhookSecretIssued>();
        var oldAfter = await host.DeliverAsync("rotating", rotated.Secret, "{}");
        var newest = await host.DeliverAsync("rotating", again!.Secret, "{}");

        Assert.Equal(HttpStatusCode.Accepted, oldDuringGrace.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, newDuringGrace.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, newest.StatusCode);
    }

    private static async Task SignedDelivery(DatabaseProvider provider)
    {
        await using var host = await WebhookHost.StartAsync(provider);
        var hook = await host.CreateHookAsync("shop-paid");

        var response = await host.DeliverAsync("shop-paid", hook.Secret, """{"promoterId":"p1","correlationId":"order-1"}""");
        var accepted = await response.Content.ReadFromJsonAsync<HookAccepted>();
        var entry = await host.WaitForSettledAsync(accepted!.DeliveryId);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var start = Assert.Single(host.Runtime.Starts);
        Assert.Equal((accepted.InstanceId, "onboarding", "order-1"), (start.InstanceId, start.DefinitionId, start.CorrelationId));
        Assert.Equal("p1", start.Input!["promoterId"]!.GetValue<string>());
        Assert.Equal(WebhookDeliveryStatus.Started, entry.Status);
        Assert.Equal(WebhookHeaderRedaction.Redacted, entry.Headers["webhook-signature"]);
    }

    private static async Task SameWebhookTwice(DatabaseProvider provider)
    {
        await using var host = await WebhookHost.StartAsync(provider);
        var hook = await host.CreateHookAsync("shop-paid");

        var first = await host.DeliverAsync("shop-paid", hook.Secret, """{"promoterId":"p1"}""", id: "msg_same");
        var repeat = await host.DeliverAsync("shop-paid", hook.Secret, """{"promoterId":"p1"}""", id: "msg_same");
        var firstBody = await first.Content.ReadAsStringAsync();
        await host.WaitForSettledAsync((await first.Content.ReadFromJsonAsync<HookAccepted>())!.DeliveryId);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, repeat.StatusCode));
        Assert.Equal(firstBody, await repeat.Content.ReadAsStringAsync());
        Assert.Single(host.Runtime.Starts);
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM grain_state WHERE grain_type = 'webhookDelivery'"));
    }

    private static async Task RefusalStoresOnlyLogEntry(DatabaseProvider provider, string refusal, HttpStatusCode expected)
    {
        await using var host = await WebhookHost.StartAsync(provider);
        var hook = await host.CreateHookAsync("shop-paid", rateLimitPerSecond: refusal == "over rate limit" ? 1 : null);
        var body = Encoding.UTF8.GetBytes("""{"promoterId":"p1"}""");
        var now = DateTimeOffset.UtcNow;
        if (refusal == "disabled hook")
        {
            await host.Client.PostAsync("/api/webhooks/shop-paid/disable", null);
        }
        if (refusal == "over rate limit")
        {
            await host.Client.SendAsync(WebhookHost.Signed("shop-paid", hook.Secret, body, "msg_first", now));
        }
        await GrainRows.WaitUntilOutboxDispatchedAsync(host.Database); // the hook list and the first delivery settle before the count
        var grainsBefore = await host.CountAsync("SELECT COUNT(*) FROM grain_state");
        var eventsBefore = await host.CountAsync("SELECT COUNT(*) FROM outbox");
        var refusedBefore = await host.CountAsync("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'Refused'");

        var request = refusal switch
        {
            "wrong secret" => WebhookHost.Signed("shop-paid", WebhookSecret.Generate(), body, "msg_1", now),
            "stale timestamp" => WebhookHost.Signed("shop-paid", hook.Secret, body, "msg_1", now.AddMinutes(-6)),
            "future timestamp" => WebhookHost.Signed("shop-paid", hook.Secret, body, "msg_1", now.AddMinutes(6)),
            "body not JSON" => WebhookHost.Signed("shop-paid", hook.Secret, "promoterId=p1"u8.ToArray(), "msg_1", now),
            "over 256 KB" => WebhookHost.Signed("shop-paid", hook.Secret, Encoding.UTF8.GetBytes(JsonOfSize(MaxBody + 1)), "msg_1", now),
            _ => WebhookHost.Signed("shop-paid", hook.Secret, body, "msg_1", now),
        };
        if (refusal == "tampered body")
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"promoterId":"p2"}"""));
        }
        if (refusal == "missing headers")
        {
            request.Headers.Remove(WebhookSigner.TimestampHeader);
        }
        var response = await host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(grainsBefore, await host.CountAsync("SELECT COUNT(*) FROM grain_state"));
        Assert.Equal(eventsBefore, await host.CountAsync("SELECT COUNT(*) FROM outbox"));
        Assert.Equal(refusedBefore + 1, await host.CountAsync("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'Refused'"));
        Assert.Equal((long)expected, await host.CountAsync("SELECT MAX(http_status) FROM webhook_deliveries WHERE status = 'Refused'"));
        Assert.Equal(0, await host.CountAsync("SELECT COUNT(*) FROM webhook_deliveries WHERE headers LIKE '%v1,%'"));
    }

    /// <summary>A JSON object of exactly <paramref name="bytes"/> bytes.</summary>
    private static string JsonOfSize(int bytes) => "{\"pad\":\"" + new string('x', bytes - 10) + "\"}";
}
