using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Host.Tests.Support;
using SocialCommerce.Testing;

namespace SocialCommerce.Host.Tests.Workflows;

/// <summary>
/// The arrange step of a workflow API test: the host on a fresh database, and the calls a designer or operator makes,
/// each failing loudly (with the response body) when a setup call is refused.
/// </summary>
internal sealed class WorkflowApi : IAsyncDisposable
{
    private WorkflowApi(HostFactory host, Action<IServiceCollection>? services)
    {
        Host = host;
        App = services is null ? host : host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services));
        Client = App.CreateClient();
    }

    public HostFactory Host { get; }

    public WebApplicationFactory<Program> App { get; }

    public HttpClient Client { get; }

    /// <param name="services">Test additions to the host's services (e.g. an extra activity).</param>
    public static async Task<WorkflowApi> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(await HostFactory.CreateAsync(provider, settings), services);

    /// <summary>Start → Log → (optionally) WaitForEvent "order.paid" correlated by <paramref name="correlation"/> → End.</summary>
    public static JsonObject Definition(string id, string logMessage = "hello", string? waitForEvent = null, string? correlation = null)
    {
        var activities = new JsonArray
        {
            new JsonObject { ["id"] = "start", ["type"] = "Start" },
            new JsonObject { ["id"] = "log", ["type"] = "Log", ["inputs"] = new JsonObject { ["message"] = new JsonObject { ["literal"] = logMessage } } },
        };
        var connections = new JsonArray { Connection("start", "log") };
        var last = "log";
        if (waitForEvent is not null)
        {
            activities.Add(new JsonObject
            {
                ["id"] = "wait", ["type"] = "WaitForEvent",
                ["inputs"] = new JsonObject
                {
                    ["eventName"] = new JsonObject { ["literal"] = waitForEvent },
                    ["correlation"] = new JsonObject { ["literal"] = correlation },
                },
            });
            connections.Add(Connection("log", "wait"));
            last = "wait";
        }
        activities.Add(new JsonObject { ["id"] = "end", ["type"] = "End" });
        connections.Add(Connection(last, "end"));
        return new JsonObject { ["id"] = id, ["name"] = $"Flow {id}", ["root"] = new JsonObject { ["activities"] = activities, ["connections"] = connections } };
    }

    public static JsonObject Connection(string source, string target, string outcome = "Done") =>
        new() { ["source"] = source, ["outcome"] = outcome, ["target"] = target };

    public async Task<JsonObject> SaveAsync(JsonObject definition) =>
        await ExpectAsync(HttpStatusCode.OK, await Client.PutAsJsonAsync($"/api/workflow-definitions/{definition["id"]}", definition));

    public async Task<JsonObject> PublishAsync(string id) =>
        await ExpectAsync(HttpStatusCode.OK, await Client.PostAsync($"/api/workflow-definitions/{id}/publish", null));

    /// <summary>Saves and publishes a definition.</summary>
    public async Task PublishedAsync(JsonObject definition)
    {
        await SaveAsync(definition);
        await PublishAsync((string)definition["id"]!);
    }

    public async Task<JsonObject> DispatchAsync(string definitionId, object? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workflows/{definitionId}/dispatch") { Content = JsonContent.Create(body ?? new { }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return await ExpectAsync(HttpStatusCode.Accepted, await Client.SendAsync(request));
    }

    public async Task<JsonObject> InstanceAsync(string instanceId) => await GetAsync($"/api/workflow-instances/{instanceId}");

    public async Task<JsonObject> PublishEventAsync(string name, string? correlationId, string? eventId = null) =>
        await ExpectAsync(HttpStatusCode.OK, await Client.PostAsJsonAsync("/api/workflow-events", new { eventId, name, correlationId, payload = new { paid = true } }));

    public async Task<JsonObject> GetAsync(string path) => await ExpectAsync(HttpStatusCode.OK, await Client.GetAsync(path));

    /// <summary>Until the outbox has fed the index tables (lists follow writes by a moment).</summary>
    public Task SettledAsync() => GrainRows.WaitUntilOutboxDispatchedAsync(Host.Database);

    public static async Task<JsonObject> ExpectAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
        }
        return JsonNode.Parse(body)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
