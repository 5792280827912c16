using SocialCommerce.Plugins.Registry;
using SocialCommerce.Plugins.Sdk;
using static SocialCommerce.Plugins.Tests.Samples.SampleFixtures;

namespace SocialCommerce.Plugins.Tests.Samples;

public sealed class InviteFansCheckTests
{
    private static async Task<IReadOnlyDictionary<string, object?>> CheckAsync(IEnumerable<Dictionary<string, object?>> fans, long target)
    {
        await using var host = await PluginTestHost.StartAsync();
        var (manifest, code) = PluginTestHost.Sample("invite-fans-check.csx");
        await host.Registry.SaveAsync(manifest, code, PluginOrigin.Api);
        var result = await host.Runner.RunAsync("invite-fans-check", "1.0.0",
            new Dictionary<string, object?> { ["invitedFans"] = fans.ToList(), ["target"] = target },
            new PluginRunContext(Promoter(0, id: "promoter-7")));
        return result.Outputs;
    }

    [Fact]
    public async Task EnoughDistinctValidFans_Passes()
    {
        var fans = Enumerable.Range(0, 3).Select(i => Fan($"fan-{i}", $"1380000000{i}"));

        var outputs = await CheckAsync(fans, target: 3);

        Assert.Equal(true, outputs["passed"]);
        Assert.Equal("3 distinct valid fans invited (target 3)", outputs["reason"]);
    }

    [Fact]
    public async Task DuplicatesInvalidPhonesBlockedAndSelf_DoNotCount()
    {
        Dictionary<string, object?>[] fans =
        [
            Fan("fan-1", "13800000001"),
            Fan("fan-1", "13800000001"),            // the same fan twice
            Fan("fan-2", "13800000001"),            // another id, same phone
            Fan("fan-3", "2380000000"),             // not a mobile number
            Fan("fan-4", "13800000004", blocked: true),
            Fan("promoter-7", "13800000007"),       // the promoter invited themself
            Fan("", "13800000008"),                 // no fan id
            Fan("fan-9", "13800000009"),
        ];

        var outputs = await CheckAsync(fans, target: 3);

        Assert.Equal(false, outputs["passed"]);
        Assert.Equal("only 2 distinct valid fans invited; the task needs 3", outputs["reason"]);
    }

    [Fact]
    public async Task NoEvidence_FailsWithoutError()
    {
        var outputs = await CheckAsync([], target: 1);

        Assert.Equal(false, outputs["passed"]);
    }
}
