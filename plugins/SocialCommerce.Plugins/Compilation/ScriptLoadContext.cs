using System.Reflection;
using System.Runtime.Loader;

namespace SocialCommerce.Plugins.Compilation;

/// <summary>
/// A collectible context per compiled script: once nothing references its types or delegates, the GC unloads the
/// assembly and its memory comes back. Everything the script references resolves to the host's own copies, so the
/// SDK types and the budget counters are shared with the host.
/// </summary>
internal sealed class ScriptLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) =>
        // Null defers to the default context, where the host's assemblies already live.
        null;
}
