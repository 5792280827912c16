using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using SocialCommerce.Plugins.Compilation;
using SocialCommerce.Plugins.Expressions;
using SocialCommerce.Plugins.Hosting;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Running;
using SocialCommerce.Plugins.Sdk;
using static SocialCommerce.Bench.BenchContext;

namespace SocialCommerce.Bench.Plugins;

/// <summary>
/// Plug-in figures: the first compile in this process, a warm compile, a cached lookup, and evaluations per second
/// of the tiered commission sample beside the same formula written as plain C#, in the same run on the same data.
/// </summary>
public static class PluginsBench
{
    private const int BatchSize = 10_000;

    public static Task RunAsync(BenchContext context)
    {
        var (manifest, code) = PluginSource.Parse(File.ReadAllText(SamplePath("tiered-commission.csx")));
        var compiler = new PluginCompiler();

        var first = Stopwatch.StartNew();
        var plugin = compiler.Compile(manifest, code);
        var firstCompile = first.Elapsed;

        const int warmCompiles = 20;
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < warmCompiles; i++)
        {
            compiler.Compile(manifest, code + $"\n// variant {i}");
        }
        var warmCompile = warm.Elapsed / warmCompiles;

        var lookups = Rate(context.Duration, () => compiler.Compile(manifest, code));
        var storedLookups = Rate(context.Duration, () => compiler.TryGet(plugin.ContentHash));
        var expressions = new ExpressionCompiler();
        var variables = new[] { new ExpressionVariable("Amount", typeof(long)), new ExpressionVariable("Region", typeof(string)) };
        var expressionLookups = Rate(context.Duration, () => expressions.Compile("Amount > 100 && Region == \"east\"", variables, typeof(bool)));

        Header("Plug-in compiler (tiered-commission sample)", "step", "figure");
        Row("first compile in this process (Roslyn cold: load + JIT)", $"{firstCompile.TotalMilliseconds:N0} ms");
        Row($"warm compile (mean of {warmCompiles} new versions)", $"{warmCompile.TotalMilliseconds:N1} ms");
        Row("cached lookup, plug-in (hash manifest + code, LRU hit)", PerSecond(lookups));
        Row("cached lookup, plug-in by the registry's stored content hash (what PluginRunner does)", PerSecond(storedLookups));
        Row("cached lookup, C# expression (hash code + variables)", PerSecond(expressionLookups));

        var runner = new PluginRunner(null!, compiler, TimeProvider.System, Options.Create(new PluginOptions()));
        var formula = runner.PrepareCommissionFormula(plugin, new Dictionary<string, object?>());
        var random = new Random(42);
        var items = Enumerable.Range(0, BatchSize).Select(i => (
            new PromoterView($"p-{i}", "bench", "promoter", null, "east", random.NextInt64(0, 8_000_000), DateTimeOffset.UnixEpoch),
            new OrderView($"o-{i}", $"p-{i}", null, random.NextInt64(100, 100_000), 0, "paid", DateTimeOffset.UnixEpoch))).ToArray();
        var scriptResults = new long[BatchSize];
        var plainResults = new long[BatchSize];

        formula.CalculateMany(items, scriptResults);
        PlainBatch(items, plainResults);
        if (!scriptResults.AsSpan().SequenceEqual(plainResults))
        {
            throw new InvalidOperationException("The compiled formula and the plain C# formula disagree; the comparison would be meaningless.");
        }

        var script = Rate(context.Duration, () => formula.CalculateMany(items, scriptResults)) * BatchSize;
        var plain = Rate(context.Duration, () => PlainBatch(items, plainResults)) * BatchSize;
        var single = Rate(context.Duration, () => formula.Calculate(items[0].Item1, items[0].Item2));
        var noInputs = new Dictionary<string, object?>();
        var viaRunner = Rate(context.Duration, () => runner.Run(plugin, noInputs, new PluginRunContext(items[0].Item1, null, items[0].Item2)));
        var expression = expressions.Compile("Amount > 100 && Region == \"east\"", variables, typeof(bool));
        var values = new Dictionary<string, object?> { ["Amount"] = 150L, ["Region"] = "east" };
        var evaluations = Rate(context.Duration, () => expression.Evaluate(values));

        Header($"Commission formula evaluations (tiered-commission sample, {BatchSize:N0} random promoters/orders)", "path", "rate", "share of plain C#");
        Row("compiled plug-in, batch (CalculateMany: one budget scope per batch)", PerSecond(script), Ratio(script, plain));
        Row("baseline: the same formula as plain C#, same data, same loop", PerSecond(plain), "1.00×");
        Row("compiled plug-in, one call (Calculate: budget scope per call)", PerSecond(single), Ratio(single, plain));
        Row("compiled plug-in through PluginRunner.Run (inputs dictionary, outputs dictionary, log)", PerSecond(viaRunner), Ratio(viaRunner, plain));
        Row("C# expression Evaluate (`Amount > 100 && Region == \"east\"`, dictionary in)", PerSecond(evaluations), "—");
        return Task.CompletedTask;
    }

    /// <summary>The sample's formula by hand, with its defaults (all inputs left out).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Plain(PromoterView? promoter, OrderView? order)
    {
        const long midFrom = 1_000_000, topFrom = 5_000_000;
        var gmv = promoter?.MonthlyGmvFen ?? 0;
        long rateBp = gmv >= topFrom ? 1200 : gmv >= midFrom ? 800 : 500;
        var amount = order?.AmountFen ?? 0;
        return (amount * rateBp + 5_000) / 10_000;
    }

    private static void PlainBatch((PromoterView, OrderView)[] items, long[] results)
    {
        for (var i = 0; i < items.Length; i++)
        {
            results[i] = Plain(items[i].Item1, items[i].Item2);
        }
    }

    private static double Rate(TimeSpan duration, Action operation)
    {
        for (var i = 0; i < 1_000; i++)
        {
            operation();
        }
        long count = 0;
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < duration)
        {
            operation();
            count++;
        }
        return count / stopwatch.Elapsed.TotalSeconds;
    }

    internal static string SamplePath(string fileName)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "plugins", "samples", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"plugins/samples/{fileName} not found above {AppContext.BaseDirectory}.");
    }
}
