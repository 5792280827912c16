using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialCommerce.Bench.Cluster;
using SocialCommerce.Bench.Webhooks;
using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Host.Errors;
using SocialCommerce.Host.Hosting;
using SocialCommerce.Host.Workflows;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Hosting;
using SocialCommerce.Workflows.Runtime;
using SocialCommerce.Workflows.Services;
using static SocialCommerce.Bench.BenchContext;

namespace SocialCommerce.Bench.WorkflowApi;

/// <summary>
/// POST /api/workflows/{id}/dispatch over loopback HTTP to a real Kestrel: each call starts an instance of a published
/// Start → SetVariable → End definition that runs to its end inside the call (state, journal and index event committed),
/// answered 202. Beside it, in the same run on the same database: the same starts through <see cref="IWorkflowRuntime"/>
/// in process, without HTTP — the API's own cost is the difference.
/// </summary>
public static class WorkflowApiBench
{
    private const int Clients = 16;
    private const string DefinitionId = "bench-dispatch";

    public static async Task RunAsync(BenchContext context)
    {
        Header("Workflow dispatch (POST /api/workflows/{id}/dispatch → 202, instance run to its end and committed), loopback HTTP, 16 clients",
            "database", "in-process starts (IWorkflowRuntime, no HTTP)", "p50 / p99 in process", "dispatches over HTTP", "ratio to in-process",
            "p50 / p99 over HTTP");
        await RunOnAsync(context, DatabaseProvider.Sqlite, null);
        if (context.PostgresConnectionString is { } postgres)
        {
            await RunOnAsync(context, DatabaseProvider.Postgres, postgres);
        }
    }

    private static async Task RunOnAsync(BenchContext context, DatabaseProvider provider, string? postgres)
    {
        var folder = ClusterBench.TempFolder();
        await using (var app = await StartHostAsync(provider, postgres ?? $"Data Source={folder}/bench.db"))
        {
            var definitions = app.Services.GetRequiredService<WorkflowDefinitionService>();
            await definitions.SaveDraftAsync(Definition());
            await definitions.PublishAsync(DefinitionId);
            var runtime = app.Services.GetRequiredService<IWorkflowRuntime>();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(app.Urls.First()) };
            await DispatchAsync(http, "warm-up");
            await runtime.StartAsync(new StartWorkflowRequest(DefinitionId, "warm-up-direct"));

            var direct = await WebhooksBench.MeasureAsync(context, Clients, id => runtime.StartAsync(new StartWorkflowRequest(DefinitionId, "direct-" + id)));
            var api = await WebhooksBench.MeasureAsync(context, Clients, id => DispatchAsync(http, id));
            Row(provider, PerSecond(direct.Rate), $"{WebhooksBench.Ms(direct.P50)} / {WebhooksBench.Ms(direct.P99)}", PerSecond(api.Rate),
                Ratio(api.Rate, direct.Rate), $"{WebhooksBench.Ms(api.P50)} / {WebhooksBench.Ms(api.P99)}");
        }
        if (postgres is null)
        {
            Directory.Delete(folder, true);
        }
    }

    private static async Task DispatchAsync(HttpClient http, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workflows/{DefinitionId}/dispatch")
        {
            Content = JsonContent.Create(new { correlationId = "c-" + id, input = new { promoterId = "p-" + id } }),
        };
        request.Headers.Add("Idempotency-Key", id);
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Dispatch {id} got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static WorkflowDefinition Definition() => WorkflowJson.Parse($$"""
        {
          "id": "{{DefinitionId}}", "name": "Bench dispatch",
          "variables": [{ "name": "counter", "type": "int" }],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "count", "type": "SetVariable", "inputs": { "variable": { "literal": "counter" }, "value": { "literal": 1 } } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": "start", "outcome": "Done", "target": "count" },
              { "source": "count", "outcome": "Done", "target": "end" }
            ]
          }
        }
        """);

    /// <summary>The host's workflow API as Program.cs wires it (problem details, cluster, engine), on Kestrel at a free port.</summary>
    private static async Task<WebApplication> StartHostAsync(DatabaseProvider provider, string connectionString)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider.ToString(),
            ["Storage:ConnectionString"] = connectionString,
        });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddApiProblemDetails(builder.Configuration);
        builder.Services.AddCluster(builder.Configuration);
        builder.Services.AddWorkflows(builder.Configuration);
        var app = builder.Build();
        app.UseHostDefaults();
        app.MapWorkflowsApi();
        await app.StartAsync();
        return app;
    }
}
