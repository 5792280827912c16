using SocialCommerce.Plugins.Registry;
using SocialCommerce.Plugins.Sdk;
using static SocialCommerce.Plugins.Tests.Samples.SampleFixtures;

namespace SocialCommerce.Plugins.Tests.Samples;

public sealed class TieredCommissionTests
{
    private static readonly Dictionary<string, object?> NoInputs = [];

    [Theory]
    [InlineData(0L, 10_000L, 500L)]               // below 10,000 yuan: 5%
    [InlineData(999_999L, 10_000L, 500L)]
    [InlineData(1_000_000L, 10_000L, 800L)]       // from 10,000 yuan: 8%
    [InlineData(5_000_000L, 10_000L, 1_200L)]     // from 50,000 yuan: 12%
    [InlineData(5_000_000L, 1_234L, 148L)]        // 148.08 fen rounds to 148
    [InlineData(1_000_000L, 1_231L, 98L)]         // 98.48 fen rounds to 98
    [InlineData(0L, 1_230L, 62L)]                 // 61.5 fen rounds half up to 62
    public async Task DefaultTiers_RateFollowsMonthlyGmv(long monthlyGmvFen, long orderFen, long expectedCommissionFen)
    {
        await using var host = await PluginTestHost.StartAsync();
        var (manifest, code) = PluginTestHost.Sample("tiered-commission.csx");
        await host.Registry.SaveAsync(manifest, code, PluginOrigin.Api);

        var result = await host.Runner.RunAsync("tiered-commission", "1.0.0", NoInputs,
            new PluginRunContext(Promoter(monthlyGmvFen), null, Order(orderFen)));

        Assert.Equal(expectedCommissionFen, result.Outputs["commission"]);
    }

    [Fact]
    public async Task ConfiguredTiers_OverrideTheDefaults()
    {
        await using var host = await PluginTestHost.StartAsync();
        var (manifest, code) = PluginTestHost.Sample("tiered-commission.csx");
        var formula = host.Runner.PrepareCommissionFormula(host.Compiler.Compile(manifest, code), new Dictionary<string, object?>
        {
            ["midTierFromFen"] = 100_000, ["topTierFromFen"] = 200_000, ["baseRateBp"] = 100, ["midRateBp"] = 200, ["topRateBp"] = 300,
        });

        Assert.Equal(100, formula.Calculate(Promoter(99_999), Order(10_000)));
        Assert.Equal(200, formula.Calculate(Promoter(100_000), Order(10_000)));
        Assert.Equal(300, formula.Calculate(Promoter(200_000), Order(10_000)));
    }

    [Fact]
    public async Task CalculateMany_GivesTheSameCommissionsAsOneByOne()
    {
        await using var host = await PluginTestHost.StartAsync();
        var (manifest, code) = PluginTestHost.Sample("tiered-commission.csx");
        var formula = host.Runner.PrepareCommissionFormula(host.Compiler.Compile(manifest, code), NoInputs);
        var items = Enumerable.Range(0, 100).Select(i => (Promoter(i * 70_000L), Order(1_000 + i * 37L))).ToList();
        var batch = new long[items.Count];

        formula.CalculateMany(items, batch);

        Assert.Equal(items.Select(i => formula.Calculate(i.Item1, i.Item2)), batch);
    }
}
