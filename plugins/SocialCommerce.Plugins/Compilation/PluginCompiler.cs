using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SocialCommerce.Plugins.Expressions;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Sdk;

namespace SocialCommerce.Plugins.Compilation;

/// <summary>
/// Compiles plug-ins: the code becomes the body of a generated subclass of the kind's globals class
/// (<see cref="CommissionFormulaScript"/>, <see cref="TaskCheckScript"/>, <see cref="ActivityScript"/>) whose typed
/// properties are the inputs and, for an activity, whose fields are the outputs. Compiled plug-ins are cached by
/// content hash up to <see cref="Capacity"/>, least recently used first out, so that reloading versions again and
/// again does not keep every old assembly alive.
/// </summary>
public sealed class PluginCompiler(int capacity = PluginCompiler.DefaultCapacity)
{
    public const int DefaultCapacity = 256;

    private readonly ScriptCompiler _compiler = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Hash, Lazy<CompiledPlugin> Plugin)>> _cache = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Hash, Lazy<CompiledPlugin> Plugin)> _recent = new();

    public int Capacity { get; } = capacity;

    public int CachedCount
    {
        get
        {
            lock (_gate)
            {
                return _cache.Count;
            }
        }
    }

    public static string ContentHash(PluginManifest manifest, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(manifest.Normalized(), PluginManifest.Json) + "\0" + code)));

    /// <exception cref="ScriptCompilationException">The manifest is invalid, the code does not compile, or the sandbox refuses it.</exception>
    public CompiledPlugin Compile(PluginManifest manifest, string code)
    {
        manifest = manifest.Normalized();
        var problems = manifest.Problems();
        if (problems.Count > 0)
        {
            throw new ScriptCompilationException(problems.Select(p => new ScriptDiagnostic("SC2001", 1, 1, "manifest: " + p)).ToList());
        }
        var hash = ContentHash(manifest, code);
        Lazy<CompiledPlugin> entry;
        lock (_gate)
        {
            if (_cache.TryGetValue(hash, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                entry = node.Value.Plugin;
            }
            else
            {
                entry = new Lazy<CompiledPlugin>(() => CompileNew(manifest, code, hash));
                _cache[hash] = _recent.AddFirst((hash, entry));
                while (_cache.Count > Capacity)
                {
                    _cache.Remove(_recent.Last!.Value.Hash);
                    _recent.RemoveLast();
                }
            }
        }
        try
        {
            return entry.Value;
        }
        catch
        {
            Evict(hash);
            throw;
        }
    }

    /// <summary>The compiled plug-in for a content hash the registry stored, without hashing manifest and code again.</summary>
    public CompiledPlugin? TryGet(string contentHash)
    {
        lock (_gate)
        {
            if (!_cache.TryGetValue(contentHash, out var node) || !node.Value.Plugin.IsValueCreated)
            {
                return null;
            }
            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value.Plugin.Value;
        }
    }

    /// <summary>Forgets a compiled version (deleted or replaced); it unloads once nothing else holds it.</summary>
    public void Evict(string contentHash)
    {
        lock (_gate)
        {
            if (_cache.Remove(contentHash, out var node))
            {
                _recent.Remove(node);
            }
        }
    }

    private CompiledPlugin CompileNew(PluginManifest manifest, string code, string hash)
    {
        var fileName = $"{manifest.Name}@{manifest.Version}.csx";
        var typeName = "SocialCommerce.Scripts.Plugin_" + hash[..16];
        var script = PluginSourceGenerator.Generate(manifest, code, typeName, fileName);
        var loaded = _compiler.Compile(script with { AssemblyName = typeName + "_" + manifest.Name });
        var create = manifest.Kind == PluginKind.ExpressionLibrary ? null : loaded.Method<Func<PluginScript>>("New");
        return new CompiledPlugin(manifest, hash, fileName, loaded, create);
    }
}
