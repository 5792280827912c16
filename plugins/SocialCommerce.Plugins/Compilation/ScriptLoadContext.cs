using System.Reflection;
using System.Runtime.Loader;

namespace SocialCommerce.Plugins.Compilation;

/// <summary>
/// A collectible context per compiled script: once nothing references its types or delegates, the GC unloads the
/// assembly and its memory comes back. Everything the script references resolves to the host's own copies, so the
/// SDK types and the budget counters are shared with the host.
/// </summary>
internal sealed class ScriptLoadContext(string name, IEnumerable<Assembly> libraries) : AssemblyLoadContext(name, isCollectible: true)
{
    // Expression libraries live in contexts of their own; an expression that uses one finds it here.
    private readonly Dictionary<string, Assembly> _libraries = libraries.ToDictionary(a => a.GetName().Name!, StringComparer.Ordinal);

    protected override Assembly? Load(AssemblyName assemblyName) =>
        // Null defers to the default context, where the host's assemblies already live.
        assemblyName.Name is { } simpleName && _libraries.TryGetValue(simpleName, out var library) ? library : null;
}
