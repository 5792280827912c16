using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using SocialCommerce.Plugins.Sandbox;

namespace SocialCommerce.Plugins.Compilation;

/// <summary>
/// The assemblies a script compiles against: the core library and its facades, collections and LINQ, this
/// assembly (SDK and budget) and the assemblies of the types the host hands in. Metadata references are made once
/// and reused, which also lets Roslyn reuse what it read from them between compilations.
/// </summary>
internal static class ScriptReferences
{
    private static readonly string[] FrameworkAssemblies =
        ["System.Private.CoreLib", "System.Runtime", "System.Collections", "System.Linq"];

    private static readonly ConcurrentDictionary<string, MetadataReference> ByPath = new(StringComparer.Ordinal);

    public static IReadOnlyList<MetadataReference> Framework { get; } = CreateFramework();

    public static IEnumerable<MetadataReference> For(IEnumerable<Type> hostTypes) =>
        hostTypes.Select(t => t.Assembly).Distinct()
            .Where(a => !a.IsDynamic && !string.IsNullOrEmpty(a.Location) && !IsFramework(a.Location))
            .Select(a => Of(a.Location));

    private static IReadOnlyList<MetadataReference> CreateFramework()
    {
        var directory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = FrameworkAssemblies.Select(name => Of(Path.Combine(directory, name + ".dll"))).ToList();
        references.Add(Of(typeof(ScriptBudget).Assembly.Location));
        return references;
    }

    private static bool IsFramework(string location) =>
        Path.GetDirectoryName(location) == Path.GetDirectoryName(typeof(object).Assembly.Location)
        && FrameworkAssemblies.Contains(Path.GetFileNameWithoutExtension(location));

    private static MetadataReference Of(string path) => ByPath.GetOrAdd(path, p => MetadataReference.CreateFromFile(p));
}
