using SocialCommerce.Plugins.Manifests;

namespace SocialCommerce.Plugins.Registry;

/// <summary>Where a stored version came from: uploaded (immutable) or a file under the plug-ins folder.</summary>
public enum PluginOrigin
{
    Api,
    File,
}

/// <summary>One stored version of a plug-in, with who pins it (published workflow versions, by id).</summary>
public sealed record PluginVersion(
    PluginManifest Manifest, string Code, string ContentHash, PluginOrigin Origin, DateTimeOffset CreatedAt, IReadOnlyList<string> PinnedBy)
{
    public string Name => Manifest.Name;

    public string Version => Manifest.Version;
}

/// <summary>What storing a version did.</summary>
public enum PluginSaveOutcome
{
    /// <summary>A new version.</summary>
    Created,

    /// <summary>The same content was already stored under this version.</summary>
    Unchanged,

    /// <summary>A file's version was stored with other content before; the file changed and it was replaced.</summary>
    Replaced,
}
