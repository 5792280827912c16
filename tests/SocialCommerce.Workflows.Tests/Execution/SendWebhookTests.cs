using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Outbound;
using SocialCommerce.Workflows.Tests.Support;
using SocialCommerce.Workflows.Webhooks;
using static SocialCommerce.Workflows.Tests.Support.Flow;

namespace SocialCommerce.Workflows.Tests.Execution;

public sealed class SendWebhookTests : IDisposable
{
    private static readonly string Secret = WebhookSecret.Generate();
    private readonly HttpListener _listener = new();
    private readonly string _url;
    private readonly WorkflowEngine _engine = new(s => s.Configure<Hosting.WorkflowOptions>(o => o.WebhookSecrets["crm"] = Secret));

    public SendWebhookTests()
    {
        var port = FreePort();
        _url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(_url);
        _listener.Start();
    }

    [Fact]
    public async Task SendWebhook_QueuesTheMessageInsteadOfSending()
    {
        var execution = await _engine.StartAsync(SendFlow(_url));

        var queued = Assert.IsType<OutboundWebhookQueued>(Assert.Single(execution.Emitted));
        Assert.Equal(("crm", "promoter.welcomed", "instance-1"), (queued.SecretName, queued.EventType, queued.InstanceId));
        Assert.Equal("p-1", JsonNode.Parse(queued.Body)!["data"]!["promoterId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sender_PostsWithAStandardWebhooksSignatureTheReceiverVerifies()
    {
        var execution = await _engine.StartAsync(SendFlow(_url));
        var received = ReceiveOnceAsync(HttpStatusCode.NoContent);

        await Sender().HandleAsync(AsOutboxEvent(execution.Emitted[0]), CancellationToken.None);

        var (headers, body) = await received;
        var verification = new WebhookSignatureVerifier(_engine.Clock).Verify([Secret], headers[WebhookSigner.IdHeader],
            headers[WebhookSigner.TimestampHeader], headers[WebhookSigner.SignatureHeader], body);
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(((OutboundWebhookQueued)execution.Emitted[0]).MessageId, headers[WebhookSigner.IdHeader]);
    }

    [Fact]
    public async Task Sender_ThrowsOnAFailedDelivery_SoTheOutboxRetriesWithBackoff()
    {
        var execution = await _engine.StartAsync(SendFlow(_url));
        var received = ReceiveOnceAsync(HttpStatusCode.ServiceUnavailable);

        await Assert.ThrowsAsync<HttpRequestException>(() => Sender().HandleAsync(AsOutboxEvent(execution.Emitted[0]), CancellationToken.None));
        await received;
    }

    private OutboundWebhookSender Sender() => _engine.Services.GetRequiredService<OutboundWebhookSender>();

    private OutboxEvent AsOutboxEvent(object domainEvent) => new(1, Guid.NewGuid(), new GrainId("workflowInstance", "instance-1"),
        OutboundWebhookQueued.Name, System.Text.Json.JsonSerializer.Serialize(domainEvent, ClusterJson.Options), _engine.Clock.GetUtcNow());

    private static SocialCommerce.Workflows.Definitions.WorkflowDefinition SendFlow(string url) => Define(
        [Node("start", "Start"), Node("send", "SendWebhook", Literal("url", url), Literal("eventType", "promoter.welcomed"),
            Literal("payload", new JsonObject { ["promoterId"] = "p-1" }), Literal("secretName", "crm"))],
        [Done("start", "send")]);

    private async Task<(WebHeaderCollection Headers, byte[] Body)> ReceiveOnceAsync(HttpStatusCode status)
    {
        var context = await _listener.GetContextAsync();
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var headers = (WebHeaderCollection)context.Request.Headers;
        context.Response.StatusCode = (int)status;
        context.Response.Close();
        return (headers, body.ToArray());
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();
}
