using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialCommerce.Bench.Cluster;
using SocialCommerce.Cluster;
using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Host.Errors;
using SocialCommerce.Host.Hosting;
using SocialCommerce.Host.Webhooks;
using SocialCommerce.Workflows.Runtime;
using SocialCommerce.Workflows.Webhooks;
using static SocialCommerce.Bench.BenchContext;

namespace SocialCommerce.Bench.Webhooks;

/// <summary>
/// Signed deliveries over loopback HTTP to a real Kestrel on a free port, each answered 202 only after its delivery
/// grain (request + WebhookAccepted event) is committed. Several concurrent clients, each sending the next delivery
/// when the previous one is answered; the outbox dispatcher runs meanwhile and hands every delivery to an engine
/// stand-in that returns at once (so the figures are the webhook path, not a workflow). Beside each row: the raw
/// single-row commit rate of the same database, measured in the same run.
/// </summary>
public static class WebhooksBench
{
    private static readonly int[] ClientCounts = [16, 64];

    public static async Task RunAsync(BenchContext context)
    {
        Header("Webhook deliveries (signed POST /hooks/{slug} → 202 after the delivery is committed), loopback HTTP",
            "database", "concurrent clients", "raw single-row commits (1 connection)", "deliveries accepted", "ratio to raw commits",
            "p50", "p99", "CPU per delivery (client + server)", "outbox dispatch", "handed to the engine during the run");
        await RunOnAsync(context, DatabaseProvider.Sqlite, null);
        if (context.PostgresConnectionString is { } postgres)
        {
            await RunOnAsync(context, DatabaseProvider.Postgres, postgres);
        }
    }

    private static async Task RunOnAsync(BenchContext context, DatabaseProvider provider, string? postgres)
    {
        var folder = ClusterBench.TempFolder();
        var connectionString = postgres ?? $"Data Source={folder}/bench.db";
        var raw = await ClusterBench.RawCommitRateAsync(context, provider, connectionString);
        foreach (var dispatch in new[] { false, true })
        {
            if (dispatch)
            {
                // Deliveries of the phase without dispatch would otherwise be dispatched during this one.
                await MarkOutboxDispatchedAsync(provider, connectionString);
            }
            var engine = new CountingRuntime();
            await using var app = await StartHostAsync(provider, connectionString, engine, dispatch);
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            var slug = dispatch ? "bench-dispatched" : "bench";
            var secret = (await grains.Get<IWebhookGrain>(slug).CreateAsync(
                new NewWebhook("bench-flow", WebhookMode.Start, NewWebhook.MaxRateLimitPerSecond))).Secret;
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(app.Urls.First()) };
            await SendAsync(http, slug, secret, "warm-up"); // JIT, first activation, connection set-up
            foreach (var clients in ClientCounts)
            {
                var startsBefore = engine.Starts;
                var run = await MeasureAsync(context, clients, id => SendAsync(http, slug, secret, id));
                Row(provider, clients, PerSecond(raw), PerSecond(run.Rate), Ratio(run.Rate, raw), Ms(run.P50), Ms(run.P99),
                    (run.CpuMs * 1000).ToString("0", CultureInfo.InvariantCulture) + " µs", dispatch ? "running" : "off", dispatch ? $"{engine.Starts - startsBefore:N0} of {run.Total:N0}" : "-");
            }
        }
        if (postgres is null)
        {
            Directory.Delete(folder, true);
        }
    }

    /// <summary>
    /// <paramref name="clients"/> concurrent loops, each calling <paramref name="send"/> (with a unique id) when its previous
    /// call returned, for the context's duration: calls per second, p50 and p99 latency in ms, the number of calls, and the process CPU ms per call.
    /// </summary>
    internal static async Task<(double Rate, double P50, double P99, long Total, double CpuMs)> MeasureAsync(BenchContext context, int clients, Func<string, Task> send)
    {
        var latencies = new List<double>[clients];
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(16_384);
            for (var i = 0; stopwatch.Elapsed < context.Duration; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await send($"{clients}-{worker}-{i}");
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length / elapsed, all[all.Length / 2], all[(int)(all.Length * 0.99)], all.Length, cpu.TotalMilliseconds / all.Length);
    }

    private static async Task SendAsync(HttpClient http, string slug, string secret, string id)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"promoterId":"p-{{id}}","event":"order.paid","amountFen":29900}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{slug}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        foreach (var (name, value) in WebhookSigner.CreateHeaders([secret], "msg_" + id, DateTimeOffset.UtcNow, body))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Delivery {id} got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The host's webhook path as Program.cs wires it (problem details, cluster, webhooks), on Kestrel at a free port.</summary>
    private static async Task<WebApplication> StartHostAsync(DatabaseProvider provider, string connectionString, IWorkflowRuntime engine,
        bool dispatchOutbox)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider.ToString(),
            ["Storage:ConnectionString"] = connectionString,
            ["Cluster:DispatchOutbox"] = dispatchOutbox.ToString(),
        });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddApiProblemDetails(builder.Configuration);
        builder.Services.AddCluster(builder.Configuration);
        builder.Services.AddWebhooks(builder.Configuration);
        builder.Services.AddSingleton(engine);
        var app = builder.Build();
        app.UseHostDefaults();
        app.MapWebhooks();
        await app.StartAsync();
        return app;
    }

    private static async Task MarkOutboxDispatchedAsync(DatabaseProvider provider, string connectionString)
    {
        IDatabase database = provider == DatabaseProvider.Postgres ? new PostgresDatabase(connectionString) : new SqliteDatabase(connectionString);
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE outbox SET dispatched_at = 0 WHERE dispatched_at IS NULL", CancellationToken.None);
        if (database is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    internal static string Ms(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>The engine's place: counts starts and returns at once, so the webhook path is what is measured.</summary>
    private sealed class CountingRuntime : IWorkflowRuntime
    {
        private long _starts;

        public long Starts => Interlocked.Read(ref _starts);

        public Task<WorkflowStarted> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _starts);
            return Task.FromResult(new WorkflowStarted(request.InstanceId, request.DefinitionId, 1, false));
        }

        public Task<WorkflowResumed> ResumeAsync(ResumeWorkflowRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(new WorkflowResumed([]));
    }
}
