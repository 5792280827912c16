using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialCommerce.Bench.Cluster;
using SocialCommerce.Bench.Plugins;
using SocialCommerce.Cluster;
using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Commerce;
using SocialCommerce.Commerce.Ledger;
using SocialCommerce.Commerce.Orders;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Commerce.Regions;
using SocialCommerce.Plugins.Hosting;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Registry;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Hosting;
using SocialCommerce.Workflows.Runtime;
using SocialCommerce.Workflows.Services;
using static SocialCommerce.Bench.BenchContext;

namespace SocialCommerce.Bench.CommerceFlow;

/// <summary>
/// Commission workflows on grains: each operation starts one instance of Start → CalculateCommission → End for a
/// distinct completed order (the tiered-commission plug-in run for the seller and two uplines, three ledger postings,
/// the instance's own write), 16 concurrent callers over many teams. Beside it in the same run: the same flow with
/// GetOrder in place of CalculateCommission (an instance that reads one grain), and the raw single-row commit rate.
/// </summary>
public static class CommerceFlowBench
{
    private const int Callers = 16;
    private const int Teams = 64;

    public static async Task RunAsync(BenchContext context)
    {
        Header("Commerce in workflows: instances started per second (Start → step → End), 16 concurrent callers, 64 teams of 3 levels",
            "database", "raw single-row commits (1 connection)", "baseline: GetOrder step", "CalculateCommission step (3 plug-in runs + 3 ledger postings)",
            "ratio to baseline", "ledger entries checked");
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
        var run = Guid.NewGuid().ToString("N")[..8];
        using var host = await StartAsync(provider, connectionString);
        var services = host.Services;
        var sellers = await ArrangeTeamsAsync(services, run);
        var orders = await CompleteOrdersAsync(services, run, sellers, count: (int)(context.Duration.TotalSeconds * 1_500));
        await PublishAsync(services, $"bench-get-{run}", "Found", Node("step", "GetOrder", ("orderId", InputValue.FromVariable("orderId")),
            ("resultVariable", InputValue.Of("order"))), new VariableDefinition("order", VariableType.Json));
        await PublishAsync(services, $"bench-commission-{run}", "Done", Node("step", "CalculateCommission", ("plugin", InputValue.Of("tiered-commission")),
            ("pluginVersion", InputValue.Of("1.0.0")), ("orderId", InputValue.FromVariable("orderId"))));

        var (baseline, _) = await StartInstancesAsync(context, services, $"bench-get-{run}", orders, cycle: true);
        var (commission, started) = await StartInstancesAsync(context, services, $"bench-commission-{run}", orders, cycle: false);
        var entries = await CheckLedgersAsync(services, sellers, started);
        Row(provider, PerSecond(raw), PerSecond(baseline), PerSecond(commission), Ratio(commission, baseline), entries);
        await host.StopAsync();
        if (postgres is null)
        {
            Directory.Delete(folder, true);
        }
    }

    /// <summary>
    /// Starts one instance per order until the time is up. A reading flow may go round the orders again (each instance
    /// is new); a paying flow may not (a second posting for an order is a no-op, which is not what is measured), so it
    /// stops when the orders run out.
    /// </summary>
    private static async Task<(double Rate, int Started)> StartInstancesAsync(BenchContext context, IServiceProvider services,
        string definitionId, string[] orders, bool cycle)
    {
        var runtime = services.GetRequiredService<IWorkflowRuntime>();
        var next = -1;
        var started = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            int index;
            while (stopwatch.Elapsed < context.Duration && ((index = Interlocked.Increment(ref next)) < orders.Length || cycle))
            {
                await runtime.StartAsync(new StartWorkflowRequest(definitionId, $"{definitionId}-{index}",
                    new JsonObject { ["orderId"] = orders[index % orders.Length] }));
                Interlocked.Increment(ref started);
            }
        })));
        var elapsed = stopwatch.Elapsed;
        if (!cycle && started == orders.Length)
        {
            Console.Error.WriteLine($"{definitionId}: ran out of orders ({orders.Length}) before the time was up; the rate is a lower bound.");
        }
        return (started / elapsed.TotalSeconds, started);
    }

    /// <summary>Every commission instance posted to three ledgers: seller entries must equal the instances started.</summary>
    private static async Task<string> CheckLedgersAsync(IServiceProvider services, IReadOnlyList<string> sellers, int started)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var entries = 0;
        foreach (var seller in sellers)
        {
            entries += (await grains.Get<ILedgerGrain>(seller).GetAsync()).Entries.Count;
        }
        return entries == started ? $"{entries} seller entries = {started} instances" : $"MISMATCH: {entries} seller entries for {started} instances";
    }

    /// <summary>Teams of three (grand → upline → seller); returns the sellers.</summary>
    private static async Task<IReadOnlyList<string>> ArrangeTeamsAsync(IServiceProvider services, string run)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        await grains.Get<IRegionGrain>($"r-{run}").DefineAsync("Bench");
        var signUp = services.GetRequiredService<PromoterSignUp>();
        var sellers = new string[Teams];
        await Parallel.ForEachAsync(Enumerable.Range(0, Teams), new ParallelOptions { MaxDegreeOfParallelism = Callers }, async (team, token) =>
        {
            string? invite = null;
            foreach (var role in new[] { "grand", "upline", "seller" })
            {
                var promoter = await signUp.SignUpAsync(new SignUpPromoter($"{role}-{run}-{team}", role, $"r-{run}", invite), token);
                invite = promoter.InviteCode;
                sellers[team] = promoter.Id;
            }
        });
        return sellers;
    }

    private static async Task<string[]> CompleteOrdersAsync(IServiceProvider services, string run, IReadOnlyList<string> sellers, int count)
    {
        var placement = services.GetRequiredService<OrderPlacement>();
        var grains = services.GetRequiredService<IGrainFactory>();
        var orders = Enumerable.Range(0, count).Select(i => $"o-{run}-{i}").ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Callers * 2 }, async (i, token) =>
        {
            await placement.PlaceAsync(new PlaceOrder(orders[i], sellers[i % sellers.Count], null,
                [new PlaceOrderItem("tea", "Tea", 1, Money.FromFen(10_000 + i))]), token);
            var order = grains.Get<IOrderGrain>(orders[i]);
            await order.RecordPaymentAsync($"{orders[i]}-pay", PaymentChannel.Alipay, Money.FromFen(10_000 + i), null, token);
            await order.MarkShippedAsync(null, token);
            await order.MarkSignedAsync(token);
        });
        return orders;
    }

    private static async Task PublishAsync(IServiceProvider services, string id, string outcome, ActivityNode step, params VariableDefinition[] variables)
    {
        var definitions = services.GetRequiredService<WorkflowDefinitionService>();
        await definitions.SaveDraftAsync(new WorkflowDefinition
        {
            Id = id,
            Name = id,
            Variables = variables,
            Inputs = [new WorkflowInputDefinition("orderId", VariableType.String)],
            Root = new Flowchart
            {
                Activities = [new ActivityNode { Id = "start", Type = "Start" }, step, new ActivityNode { Id = "end", Type = "End" }],
                Connections = [new Connection("start", "Done", "step"), new Connection("step", outcome, "end")],
            },
        });
        await definitions.PublishAsync(id);
    }

    private static ActivityNode Node(string id, string type, params (string Name, InputValue Value)[] inputs) =>
        new() { Id = id, Type = type, Inputs = inputs.ToDictionary(i => i.Name, i => i.Value) };

    private static async Task<IHost> StartAsync(DatabaseProvider provider, string connectionString)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider.ToString(),
            ["Storage:ConnectionString"] = connectionString,
            // Events are not what is measured; the outbox keeps them for later.
            ["Cluster:DispatchOutbox"] = "false",
            ["Plugins:Directory"] = "no-plugin-folder",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCluster(builder.Configuration);
        builder.Services.AddCommerce();
        builder.Services.AddWorkflows(builder.Configuration);
        builder.Services.AddPlugins(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        var (manifest, code) = PluginSource.Parse(await File.ReadAllTextAsync(PluginsBench.SamplePath("tiered-commission.csx")));
        await host.Services.GetRequiredService<PluginRegistry>().SaveAsync(manifest, code, PluginOrigin.Api);
        return host;
    }
}
