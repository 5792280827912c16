using System.Runtime.CompilerServices;
using SocialCommerce.Plugins.Compilation;
using SocialCommerce.Plugins.Registry;
using SocialCommerce.Plugins.Sdk;
using SocialCommerce.Plugins.Tests.Registry;
using Xunit.Abstractions;

namespace SocialCommerce.Plugins.Tests.Sandbox;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "memory measurements";
}

/// <summary>
/// The failure this replaces: in-process C# scripting whose memory grows with every compile. Here each version
/// lives in its own collectible load context, and once replaced it is unloaded.
/// </summary>
[Collection(MemoryMeasurements.Name)]
public sealed class ReloadMemoryTests(ITestOutputHelper output)
{
    private const int Reloads = 1_000;

    [Fact]
    public async Task ReloadingAThousandVersions_ReturnsMemoryToBaseline()
    {
        await using var host = await PluginTestHost.StartAsync();
        var unloaded = new List<WeakReference>();
        // Warm up Roslyn, the runtime and the database path so that the baseline holds what stays anyway.
        for (var i = 0; i < 20; i++)
        {
            await ReloadAsync(host, i, unloaded);
        }
        var baseline = SettledMemory();

        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 20; i < 20 + Reloads; i++)
        {
            await ReloadAsync(host, i, unloaded);
        }
        output.WriteLine($"{Reloads} reloads took {started.Elapsed.TotalSeconds:F1} s");
        var after = SettledMemory();
        var stillLoaded = unloaded.Count(w => w.IsAlive);

        output.WriteLine($"baseline {baseline / 1024.0 / 1024:F1} MB; after {Reloads} reloads {after / 1024.0 / 1024:F1} MB " +
            $"(+{(after - baseline) / 1024.0 / 1024:F1} MB); load contexts still alive: {stillLoaded} of {unloaded.Count}");
        // A leak would be ~30-100 KB per version (assembly, metadata, JIT code): 30-100 MB for a thousand.
        Assert.True(after - baseline < 20L * 1024 * 1024, $"memory grew by {(after - baseline) / 1024 / 1024} MB over {Reloads} reloads");
        Assert.True(stillLoaded <= 2, $"{stillLoaded} replaced versions are still loaded");
    }

    // A file edit: the same version with new code, stored (compiled, the old one evicted) and run once.
    private static async Task ReloadAsync(PluginTestHost host, int edit, List<WeakReference> unloaded)
    {
        var code = RegistryTests.FormulaCode + $" // edit {edit}";
        await host.Registry.SaveAsync(RegistryTests.Formula(), code, PluginOrigin.File);
        unloaded.Add(await RunOnceAsync(host));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> RunOnceAsync(PluginTestHost host)
    {
        var plugin = await host.Runner.GetCompiledAsync("flat-commission", "1.0.0");
        var result = host.Runner.Run(plugin, new Dictionary<string, object?> { ["rateBp"] = 500 },
            new PluginRunContext(Order: new OrderView("o", "p", null, 10_000, 10_000, "paid", DateTimeOffset.UnixEpoch)));
        Assert.Equal(500L, result.Outputs["commission"]);
        return new WeakReference(plugin.Loaded.Context);
    }

    private static long SettledMemory()
    {
        // Unloading a context takes a few collections: its finalizers run, then what they held goes.
        for (var i = 0; i < 10; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
