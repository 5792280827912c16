using SocialCommerce.Cluster.Storage;
using SocialCommerce.Host.Tests.Support;

namespace SocialCommerce.Host.Tests.Hosting;

public sealed class GrainLogScopeTests
{
    [Fact]
    public async Task LogLine_WrittenDuringGrainTurn_CarriesGrainTypeAndKey_InTheRollingLogFile()
    {
        await using var node = await ApiTestHost.StartAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" });
        await node.HundredYuanOrderAsync();

        await node.Api.PayAsync("o1", "wx-77", "wechat-transfer", 2_500);

        var lines = ReadLogLines(node.Host.LogFolder);
        var payment = Assert.Single(lines, l => l.Contains("Recorded payment wx-77 of 2500 fen by wechat-transfer; 2500 of 10000 fen paid"));
        Assert.Contains("\"GrainType\":\"order\",\"GrainKey\":\"o1\"", payment);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} [+-]\d{2}:\d{2} \[INF\] SocialCommerce\.Commerce\.Orders\.OrderGrain: ", payment);
        // A line written outside any turn carries no grain.
        var started = Assert.Single(lines, l => l.Contains("Cluster node"));
        Assert.DoesNotContain("GrainKey", started);
    }

    /// <summary>The day's file as written so far; the sink keeps it open, so it is read with sharing.</summary>
    private static string[] ReadLogLines(string folder)
    {
        var file = Assert.Single(Directory.GetFiles(folder, "socialcommerce-*.log"));
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
