using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Hosting;
using static SocialCommerce.Bench.BenchContext;

namespace SocialCommerce.Bench.Engine;

/// <summary>
/// Workflow engine figures: executions per second of a 10-activity sequence in memory (plan cached, journal kept),
/// beside the same ten steps written as plain method calls, measured in the same run.
/// </summary>
public static class EngineBench
{
    private const int Steps = 10;

    public static async Task RunAsync(BenchContext context)
    {
        await InMemorySequenceAsync(context);
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
