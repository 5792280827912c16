using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Registry;

namespace SocialCommerce.Host.Plugins;

/// <summary>
/// An upload: either <c>manifest</c> + <c>code</c>, or <c>source</c>, the text of a plug-in file (manifest comment
/// then code) as it would sit under the plug-ins folder.
/// </summary>
public sealed record PluginUploadBody(PluginManifest? Manifest, string? Code, string? Source);

/// <summary>One stored version as the API shows it; the list leaves the code out.</summary>
public sealed record PluginVersionResponse(
    string Name, string Version, string Kind, string Description,
    IReadOnlyList<PluginParameter> Inputs, IReadOnlyList<PluginParameter> Outputs,
    string ContentHash, string Origin, DateTimeOffset CreatedAt, IReadOnlyList<string> PinnedBy, string? Code)
{
    public static PluginVersionResponse From(PluginVersion version, bool withCode) => new(
        version.Name, version.Version, version.Manifest.Kind.Name(), version.Manifest.Description,
        version.Manifest.Inputs, version.Manifest.EffectiveOutputs, version.ContentHash, version.Origin.ToString().ToLowerInvariant(),
        version.CreatedAt, version.PinnedBy, withCode ? version.Code : null);
}
