using SocialCommerce.Cluster;
using SocialCommerce.Host.Workflows;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Registry;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Services;

namespace SocialCommerce.Host.Demo;

/// <summary>
/// The demo's published workflows, so an operator's first look at the product is not an empty list: the 7+21 funnel
/// template cloned for two regions, the commission workflow on the sample tiered-commission plug-in, and a
/// webhook-triggered workflow whose hook the publish creates. They go through the same code as the API (template
/// clone, plug-in registry, definition service). Each step is skipped when already done, so an interrupted seeding
/// finishes next start. Runs after the regions exist (a clone needs its region).
/// </summary>
internal sealed class DemoWorkflows(
    IGrainFactory grains, WorkflowDefinitionService definitions, PluginRegistry plugins, ILogger<DemoWorkflows> logger)
{
    public const string FunnelTemplate = "onboarding-7-21";

    /// <summary>The regions that get their own published funnel (ids of <see cref="DemoRegions"/>).</summary>
    public static readonly IReadOnlyList<string> FunnelRegions = ["north-east", "south-china"];

    /// <summary>The definitions of Demo/Workflows/*.json, embedded in this assembly.</summary>
    public static readonly IReadOnlyList<string> Definitions = ["commission", "shop-payment-notice"];

    public const string SamplePlugin = "tiered-commission.csx";

    public static string FunnelId(string regionId) => $"{FunnelTemplate}-{regionId}";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var (manifest, code) = PluginSource.Parse(ReadResource($"demo/plugins/{SamplePlugin}"));
        var (plugin, outcome) = await plugins.SaveAsync(manifest, code, PluginOrigin.Api, cancellationToken);
        logger.LogInformation("Demo plug-in {Name} {Version}: {Outcome}", plugin.Name, plugin.Version, outcome);

        foreach (var regionId in FunnelRegions)
        {
            var id = FunnelId(regionId);
            if (await definitions.GetSummaryAsync(id, cancellationToken) is null)
            {
                var regionName = DemoRegions.All.Single(r => r.Id == regionId).Name;
                await WorkflowTemplatesApi.CloneAsync(FunnelTemplate,
                    new CloneWorkflowTemplate(id, $"7+21 funnel — {regionName}", regionId, null), grains, definitions, cancellationToken);
            }
            await PublishAsync(id, cancellationToken);
        }

        foreach (var name in Definitions)
        {
            var definition = WorkflowJson.Parse(ReadResource($"demo/workflows/{name}.json"));
            if (await definitions.GetSummaryAsync(definition.Id, cancellationToken) is null)
            {
                await definitions.SaveDraftAsync(definition, cancellationToken);
            }
            await PublishAsync(definition.Id, cancellationToken);
        }
    }

    private async Task PublishAsync(string definitionId, CancellationToken cancellationToken)
    {
        if ((await definitions.GetSummaryAsync(definitionId, cancellationToken))?.PublishedVersion is not null)
        {
            return;
        }
        var published = await definitions.PublishAsync(definitionId, cancellationToken);
        logger.LogInformation("Published demo workflow {DefinitionId} ({Name}) version {Version}", published.Id, published.Name, published.Version);
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(DemoWorkflows).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The host assembly has no embedded resource '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
