using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Sdk;

namespace SocialCommerce.Plugins.Compilation;

/// <summary>
/// A plug-in version compiled and loaded. It keeps its collectible load context alive; drop every reference to it
/// (the compiler's cache lets go of old ones) and the GC unloads the assembly.
/// </summary>
public sealed class CompiledPlugin
{
    private readonly Func<PluginScript>? _create;

    internal CompiledPlugin(PluginManifest manifest, string contentHash, string fileName, LoadedScript loaded, Func<PluginScript>? create)
    {
        Manifest = manifest;
        ContentHash = contentHash;
        FileName = fileName;
        Loaded = loaded;
        _create = create;
    }

    public PluginManifest Manifest { get; }

    /// <summary>SHA-256 of manifest and code: the cache key, and what tells two uploads of a version apart.</summary>
    public string ContentHash { get; }

    /// <summary>The name stack traces give the script's code (<c>name@version.csx</c>).</summary>
    public string FileName { get; }

    internal LoadedScript Loaded { get; }

    internal PluginScript CreateScript() =>
        _create?.Invoke() ?? throw new InvalidOperationException($"Plug-in {Manifest.Name} {Manifest.Version} is a {Manifest.Kind.Name()}; it is not run on its own.");
}
