using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Hosting;
using SocialCommerce.Workflows.Runtime;
using SocialCommerce.Workflows.Services;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialCommerce.Bench.Cluster;
using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Cluster.Storage;
using static SocialCommerce.Bench.BenchContext;

namespace SocialCommerce.Bench.Engine;

/// <summary>
/// Workflow engine figures: executions per second of a 10-activity sequence in memory (plan cached, journal kept),
/// beside the same ten steps written as plain method calls; and persisted instance starts on SQLite and PostgreSQL beside
/// the raw commit rate of the same database, all measured in the same run.
/// </summary>
public static class EngineBench
{
    private const int Steps = 10;

    private const int ConcurrentStarters = 64;

    public static async Task RunAsync(BenchContext context)
    {
        await InMemorySequenceAsync(context);

        Header($"Persisted instance starts ({Steps}-activity sequence run to the end: state, journal and one event in one write) vs raw commits",
            "database", "raw single-row upsert commits (1 connection)", "instance starts (64 callers)", "ratio", "starts with outbox dispatch and indexes", "ratio");
        await PersistedStartsAsync(context, DatabaseProvider.Sqlite, null);
        if (context.PostgresConnectionString is { } postgres)
        {
            await PersistedStartsAsync(context, DatabaseProvider.Postgres, postgres);
        }
    }

    private static async Task PersistedStartsAsync(BenchContext context, DatabaseProvider provider, string? postgres)
    {
        var folder = ClusterBench.TempFolder();
        var connectionString = postgres ?? $"Data Source={folder}/bench.db";
        var raw = await ClusterBench.RawCommitRateAsync(context, provider, connectionString);
        double starts, dispatched;
        await using (var node = await StartNodeAsync(provider, connectionString, dispatchOutbox: false))
        {
            starts = await StartRateAsync(context, node, "plain");
        }
        await using (var node = await StartNodeAsync(provider, connectionString, dispatchOutbox: true))
        {
            dispatched = await StartRateAsync(context, node, "dispatched");
        }
        Row(provider, PerSecond(raw), PerSecond(starts), Ratio(starts, raw), PerSecond(dispatched), Ratio(dispatched, raw));
        if (postgres is null)
        {
            Directory.Delete(folder, true);
        }
    }

    private static async Task<double> StartRateAsync(BenchContext context, ClusterBench.RunningNode node, string prefix)
    {
        var definitions = node.Services.GetRequiredService<WorkflowDefinitionService>();
        var definitionId = $"bench-{prefix}";
        await definitions.SaveDraftAsync(Sequence() with { Id = definitionId });
        await definitions.PublishAsync(definitionId);
        var runtime = node.Services.GetRequiredService<IWorkflowRuntime>();
        var counters = new long[ConcurrentStarters];
        for (var i = 0; i < 200; i++)
        {
            await runtime.StartAsync(new StartWorkflowRequest(definitionId, $"{prefix}-warm-{i}"));
        }
        return await context.RateAsync(ConcurrentStarters, async worker =>
        {
            var started = await runtime.StartAsync(new StartWorkflowRequest(definitionId, $"{prefix}-{worker}-{counters[worker]++}"));
            if (started.AlreadyStarted)
            {
                throw new InvalidOperationException("A bench instance id was started twice.");
            }
        });
    }

    private static async Task<ClusterBench.RunningNode> StartNodeAsync(DatabaseProvider provider, string connectionString, bool dispatchOutbox)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider.ToString(),
            ["Storage:ConnectionString"] = connectionString,
            ["Cluster:DispatchOutbox"] = dispatchOutbox.ToString(),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCluster(builder.Configuration);
        builder.Services.AddWorkflows(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new ClusterBench.RunningNode(host);
    }

    private static async Task InMemorySequenceAsync(BenchContext context)
    {
        var services = new ServiceCollection().AddLogging().AddWorkflows(new ConfigurationBuilder().Build()).BuildServiceProvider();
        var plan = services.GetRequiredService<WorkflowPlanBuilder>().Build(Sequence());
        var executor = services.GetRequiredService<WorkflowExecutor>();
        var baseline = new PlainSteps();

        for (var i = 0; i < 100_000; i++)
        {
            await RunOnceAsync(executor, plan);
            baseline.Run();
        }
        var engine = await RateAsync(context.Duration, () => RunOnceAsync(executor, plan));
        var direct = await RateAsync(context.Duration, () =>
        {
            baseline.Run();
            return ValueTask.CompletedTask;
        });

        Header($"In-memory executions of a {Steps}-activity sequence (one thread, awaited one after another)",
            "path", "executions", "activities", "µs per execution", "share of plain calls");
        Row("workflow engine (cached plan, 20 journal entries, variables in slots)", PerSecond(engine), PerSecond(engine * Steps),
            (1e6 / engine).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), Ratio(engine, direct));
        Row($"baseline: the same {Steps} steps as plain method calls", PerSecond(direct), PerSecond(direct * Steps),
            (1e6 / direct).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), "1.00×");
    }

    private static async ValueTask RunOnceAsync(WorkflowExecutor executor, WorkflowPlan plan)
    {
        var execution = new WorkflowExecution(plan, "bench");
        await executor.StartAsync(execution);
        if (execution.Status != WorkflowStatus.Finished)
        {
            throw new InvalidOperationException($"The bench sequence ended {execution.Status}.");
        }
    }

    private static async Task<double> RateAsync(TimeSpan duration, Func<ValueTask> run)
    {
        long runs = 0;
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < duration)
        {
            for (var i = 0; i < 10_000; i++)
            {
                await run();
            }
            runs += 10_000;
        }
        return runs / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>Ten SetVariable activities in a row, each adding its number to a counter.</summary>
    private static WorkflowDefinition Sequence()
    {
        var activities = Enumerable.Range(1, Steps).Select(i => new ActivityNode
        {
            Id = $"step{i}",
            Type = "SetVariable",
            Inputs = new Dictionary<string, InputValue> { ["variable"] = InputValue.Of("counter"), ["value"] = InputValue.Of(i) },
        }).ToList();
        var connections = Enumerable.Range(1, Steps - 1).Select(i => new Connection($"step{i}", "Done", $"step{i + 1}")).ToList();
        return new WorkflowDefinition
        {
            Id = "bench-sequence",
            Name = "Bench sequence",
            Variables = [new VariableDefinition("counter", VariableType.Int)],
            Root = new Flowchart { Activities = activities, Connections = connections },
        };
    }

    /// <summary>The baseline: the same ten steps (store a number in a variable slot), as non-inlined calls on a plain object.</summary>
    private sealed class PlainSteps
    {
        private readonly object?[] _variables = new object?[1];

        public void Run()
        {
            for (var i = 1; i <= Steps; i++)
            {
                Step(i);
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void Step(long value) => _variables[0] = value;
    }
}
