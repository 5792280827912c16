using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using SocialCommerce.Plugins.Expressions;
using SocialCommerce.Plugins.Sandbox;

namespace SocialCommerce.Plugins.Compilation;

/// <summary>
/// Compiles a generated script with Roslyn in four steps: bind (compile errors), check (the sandbox), rewrite
/// (budget checks) and emit into a new collectible <see cref="ScriptLoadContext"/>. We compile with
/// <see cref="CSharpCompilation"/> rather than the Scripting API because only this way does the assembly go into
/// a context we can unload. Thread-safe; every call is independent (callers cache).
/// </summary>
internal sealed class ScriptCompiler
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    // One template compilation with every framework reference: compilations made from it share what Roslyn read
    // from those assemblies, which is most of the cost of a warm compile.
    private static readonly CSharpCompilation Template = CSharpCompilation.Create(
        "SocialCommerce.Scripts.Template",
        references: ScriptReferences.Framework,
        options: new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            allowUnsafe: false,
            nullableContextOptions: NullableContextOptions.Disable,
            concurrentBuild: false));

    private static int s_compiles;

    /// <summary>Whether Roslyn has compiled anything in this process yet (its load and JIT are paid once per process).</summary>
    public static bool IsWarm => Volatile.Read(ref s_compiles) > 0;

    public LoadedScript Compile(GeneratedScript script)
    {
        Interlocked.Increment(ref s_compiles);
        var tree = CSharpSyntaxTree.ParseText(script.Source, ParseOptions, script.FileName, Encoding.UTF8);
        var compilation = Template.WithAssemblyName(script.AssemblyName)
            .AddReferences(ScriptReferences.For(script.HostTypes).Except(ScriptReferences.Framework))
            .AddReferences(script.Libraries.Select(l => l.Reference))
            .AddSyntaxTrees(tree);

        // The sandbox looks at code with compile errors too: "unsafe code is not available" says more than
        // "compile with /unsafe", so both lists are reported together, in order.
        var model = compilation.GetSemanticModel(tree);
        var refused = new SandboxAnalyzer(model, script).Analyze();
        ThrowIfAny(script, compilation.GetDiagnostics(), refused);

        var rewritten = new BudgetRewriter(model, script.UserSpan).Visit(tree.GetRoot());
        var budgeted = CSharpSyntaxTree.Create((CSharpSyntaxNode)rewritten, ParseOptions, script.FileName, Encoding.UTF8);
        var final = compilation.ReplaceSyntaxTree(tree, budgeted);

        using var peStream = new MemoryStream();
        using var pdbStream = new MemoryStream();
        var emitted = final.Emit(peStream, pdbStream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!emitted.Success)
        {
            ThrowIfAny(script, emitted.Diagnostics);
        }
        pdbStream.Position = 0;
        var image = peStream.ToArray();
        var context = new ScriptLoadContext(script.AssemblyName, script.Libraries.Select(l => l.Assembly));
        var assembly = context.LoadFromStream(new MemoryStream(image), pdbStream);
        return new LoadedScript(assembly, assembly.GetType(script.EntryTypeName, throwOnError: true)!, context, image);
    }

    private static void ThrowIfAny(GeneratedScript script, IEnumerable<Diagnostic> diagnostics, IReadOnlyList<ScriptDiagnostic>? refused = null)
    {
        var errors = diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d =>
            {
                var (line, column) = script.UserPosition(d.Location.SourceSpan.Start);
                return new ScriptDiagnostic(d.Id, line, column, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            })
            .Concat(refused ?? [])
            .Distinct()
            .OrderBy(d => (d.Line, d.Column))
            .ToList();
        if (errors.Count > 0)
        {
            throw new ScriptCompilationException(errors);
        }
    }
}

/// <summary>
/// A compiled script: its assembly, the generated entry type, the context that unloads them, and its image (so that
/// other scripts, expressions using an expression library, can compile against it).
/// </summary>
internal sealed record LoadedScript(Assembly Assembly, Type EntryType, ScriptLoadContext Context, byte[] Image)
{
    private MetadataReference? _reference;

    public MetadataReference Reference => _reference ??= MetadataReference.CreateFromImage(Image);

    public TDelegate Method<TDelegate>(string name) where TDelegate : Delegate =>
        EntryType.GetMethod(name, BindingFlags.Public | BindingFlags.Static)?.CreateDelegate<TDelegate>()
        ?? throw new InvalidOperationException($"The generated script has no public static method {name}.");
}
