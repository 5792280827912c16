using System.Text.Json;
using SocialCommerce.Plugins.Registry;
using SocialCommerce.Plugins.Sdk;

namespace SocialCommerce.Plugins.Tests.Samples;

public sealed class OrdersByRegionTests
{
    [Fact]
    public async Task PaidOrders_AreGroupedByRegion_LargestFirst_WithTotal()
    {
        await using var host = await PluginTestHost.StartAsync();
        var (manifest, code) = PluginTestHost.Sample("orders-by-region.csx");
        await host.Registry.SaveAsync(manifest, code, PluginOrigin.Api);
        // As a workflow variable would hold it: JSON.
        var orders = JsonDocument.Parse("""
            [
              { "regionId": "east", "amountFen": 1000, "status": "paid" },
              { "regionId": "west", "amountFen": 5000, "status": "completed" },
              { "regionId": "east", "amountFen": 2500, "status": "paid" },
              { "regionId": "east", "amountFen": 9999, "status": "cancelled" },
              { "amountFen": 100, "status": "paid" }
            ]
            """).RootElement;

        var result = await host.Runner.RunAsync("orders-by-region", "1.0.0",
            new Dictionary<string, object?> { ["orders"] = orders }, PluginRunContext.Empty);

        Assert.Equal(8_600L, result.Outputs["totalFen"]);
        var rows = Assert.IsAssignableFrom<IReadOnlyList<IReadOnlyDictionary<string, object?>>>(result.Outputs["byRegion"]);
        Assert.Equal(["west", "east", "unknown"], rows.Select(r => (string)r["regionId"]!));
        Assert.Equal([1L, 2L, 1L], rows.Select(r => (long)r["orders"]!));
        Assert.Equal([5_000L, 3_500L, 100L], rows.Select(r => (long)r["amountFen"]!));
    }
}
