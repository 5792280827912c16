using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Plugins.Hosting;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Registry;
using SocialCommerce.Testing;

namespace SocialCommerce.Workflows.Tests.Support;

/// <summary>A workflow node that also runs plug-ins (AddPlugins, short script limits), with the samples at hand.</summary>
internal static class PluginNode
{
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["Plugins:Directory"] = "no-plugin-folder",
        ["Plugins:Limits:Timeout"] = "00:00:01",
    };

    public static Task<ClusterTestHost> StartAsync(TestDatabase database, TimeProvider time) =>
        WorkflowNode.StartAsync(database, time, services => services.AddPlugins(new ConfigurationBuilder().AddInMemoryCollection(Limits).Build()));

    public static PluginRegistry Plugins(this ClusterTestHost node) => node.Services.GetRequiredService<PluginRegistry>();

    /// <summary>Stores a sample from plugins/samples (copied beside the tests).</summary>
    public static async Task<PluginManifest> SaveSampleAsync(this ClusterTestHost node, string fileName)
    {
        var (manifest, code) = PluginSource.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", fileName)));
        await node.Plugins().SaveAsync(manifest, code, PluginOrigin.Api);
        return manifest;
    }

    /// <summary>Stores an activity plug-in with no inputs or outputs made of <paramref name="code"/>.</summary>
    public static Task SaveScriptAsync(this ClusterTestHost node, string name, string code) =>
        node.Plugins().SaveAsync(new PluginManifest(name, "1.0.0", PluginKind.Activity, [], [], "A test script."), code, PluginOrigin.Api);
}
