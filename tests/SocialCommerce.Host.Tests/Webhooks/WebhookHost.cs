using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Testing;
using SocialCommerce.Workflows.Runtime;
using SocialCommerce.Workflows.Webhooks;

namespace SocialCommerce.Host.Tests.Webhooks;

/// <summary>
/// The real host over HTTP with the engine double in place of the workflow engine (drop <see cref="Runtime"/> once
/// the engine registers its own), and a sender that signs deliveries the Standard Webhooks way.
/// </summary>
internal sealed class WebhookHost : IAsyncDisposable
{
    private readonly HostFactory _factory;

    private WebhookHost(HostFactory factory, RecordingWorkflowRuntime runtime)
    {
        _factory = factory;
        Runtime = runtime;
        App = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IWorkflowRuntime>(runtime)));
        Client = App.CreateClient();
    }

    public RecordingWorkflowRuntime Runtime { get; }

    public WebApplicationFactory<Program> App { get; }

    public HttpClient Client { get; }

    public TestDatabase Database => _factory.Database;

    public static async Task<WebhookHost> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        new(await HostFactory.CreateAsync(provider), new RecordingWorkflowRuntime());

    public async Task<WebhookSecretIssued> CreateHookAsync(string slug, string mode = "start", int? rateLimitPerSecond = null)
    {
        var response = await Client.PostAsJsonAsync("/api/webhooks", new { slug, definitionId = "onboarding", mode, rateLimitPerSecond });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<WebhookSecretIssued>(ClusterJson.Options))!;
    }

    public Task<HttpResponseMessage> DeliverAsync(string slug, string secret, string body, string? id = null, DateTimeOffset? signedAt = null) =>
        Client.SendAsync(Signed(slug, secret, Encoding.UTF8.GetBytes(body), id ?? "msg_" + Guid.NewGuid().ToString("N"), signedAt ?? DateTimeOffset.UtcNow));

    public static HttpRequestMessage Signed(string slug, string secret, byte[] body, string id, DateTimeOffset signedAt)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{slug}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        foreach (var (name, value) in WebhookSigner.CreateHeaders([secret], id, signedAt, body))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    public Task<long> CountAsync(string sql) => GrainRows.ScalarAsync(Database, sql);

    /// <summary>Waits for the outbox to hand the delivery to the engine and the log to record the outcome.</summary>
    public async Task<WebhookLogEntry> WaitForSettledAsync(string deliveryId)
    {
        var log = App.Services.GetRequiredService<WebhookDeliveryLog>();
        WebhookLogEntry? entry = null;
        await EventuallyAsync(async () => (entry = await log.GetAsync(deliveryId, default)) is { Status: not WebhookDeliveryStatus.Retrying },
            $"Delivery {deliveryId} was not dispatched within 20 s.");
        return entry!;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="failure"/> after 20 s.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string failure = "The condition did not hold within 20 s.")
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}
