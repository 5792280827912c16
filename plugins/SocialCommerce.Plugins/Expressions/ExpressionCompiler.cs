using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using SocialCommerce.Plugins.Compilation;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Sandbox;

namespace SocialCommerce.Plugins.Expressions;

/// <summary>
/// Compiles the C# expressions of activity inputs (and any short piece of C# that yields a value). One instance
/// serves the process; it is thread-safe and caches by a hash of code, variables and result type, so a published
/// workflow version compiles each of its expressions once however many instances run it.
/// </summary>
public sealed class ExpressionCompiler
{
    private const string FileName = "expression";

    private readonly ScriptCompiler _compiler = new();
    private readonly ScriptLimits _limits;
    private readonly ConcurrentDictionary<string, Lazy<CompiledExpression>> _cache = new(StringComparer.Ordinal);

    public ExpressionCompiler()
        : this(ScriptLimits.Default)
    {
    }

    public ExpressionCompiler(ScriptLimits limits)
    {
        _limits = limits;
    }

    /// <summary>How many distinct expressions are compiled and held.</summary>
    public int CachedCount => _cache.Count;

    /// <param name="code">A C# expression (<c>Amount &gt; 100 &amp;&amp; Region == "east"</c>) or statements that <c>return</c> a value.</param>
    /// <param name="variables">The names the code may read, with their types.</param>
    /// <param name="resultType">What the code must produce (implicit conversions apply).</param>
    /// <exception cref="ScriptCompilationException">It does not compile, or the sandbox refuses it.</exception>
    public CompiledExpression Compile(string code, IReadOnlyList<ExpressionVariable> variables, Type resultType) =>
        Compile(code, variables, resultType, []);

    /// <summary>
    /// As <see cref="Compile(string, IReadOnlyList{ExpressionVariable}, Type)"/>, with the public static methods of
    /// expression-library plug-ins callable by their names (<c>RateBp(Gmv)</c>).
    /// </summary>
    public CompiledExpression Compile(string code, IReadOnlyList<ExpressionVariable> variables, Type resultType,
        IReadOnlyList<CompiledPlugin> libraries)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(resultType);
        var notLibrary = libraries.FirstOrDefault(l => l.Manifest.Kind != PluginKind.ExpressionLibrary);
        if (notLibrary is not null)
        {
            throw new ArgumentException($"Plug-in {notLibrary.Manifest.Name} is a {notLibrary.Manifest.Kind.Name()}, not an expression library.", nameof(libraries));
        }
        var key = Hash(code, variables, resultType, libraries);
        var entry = _cache.GetOrAdd(key, k => new Lazy<CompiledExpression>(() => CompileNew(k, code, variables, resultType, libraries)));
        try
        {
            return entry.Value;
        }
        catch
        {
            // A failed compile is not kept: the next caller gets the same diagnostics by compiling again.
            _cache.TryRemove(new KeyValuePair<string, Lazy<CompiledExpression>>(key, entry));
            throw;
        }
    }

    /// <summary>Loads Roslyn and compiles a trivial expression so that the first real compile is not the slow one.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken = default) =>
        Task.Run(() => Compile("1 + 1", [], typeof(int)).Evaluate(new Dictionary<string, object?>(), cancellationToken), cancellationToken);

    private CompiledExpression CompileNew(string key, string code, IReadOnlyList<ExpressionVariable> variables, Type resultType,
        IReadOnlyList<CompiledPlugin> libraries)
    {
        var copy = variables.ToArray();
        var script = Generate(key, code, copy, resultType, libraries);
        var loaded = _compiler.Compile(script);
        return new CompiledExpression(copy, resultType, loaded.Method<Func<object?[], object?>>("Run"), _limits, FileName);
    }

    private static GeneratedScript Generate(string key, string code, ExpressionVariable[] variables, Type resultType,
        IReadOnlyList<CompiledPlugin> libraries)
    {
        foreach (var variable in variables)
        {
            if (!SyntaxFacts.IsValidIdentifier(variable.Name))
            {
                throw new ArgumentException($"Variable name '{variable.Name}' is not a C# identifier.", nameof(variables));
            }
        }
        var duplicate = variables.GroupBy(v => v.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Variable '{duplicate.Key}' is declared twice.", nameof(variables));
        }

        var typeName = "Expression_" + key[..16];
        var result = CSharpTypeName.Of(resultType);
        var arguments = string.Join(", ", variables.Select((v, i) =>
            $"global::SocialCommerce.Plugins.Compilation.ScriptArgument.Get<{CSharpTypeName.Of(v.Type)}>(values, {i})"));
        var parameters = string.Join(", ", variables.Select(v => $"{CSharpTypeName.Of(v.Type)} @{v.Name}"));
        var builder = new GeneratedScriptBuilder(FileName)
            .Append(ScriptUsings.Directives)
            .Append(string.Concat(libraries.Select(l => $"using static global::{l.Loaded.EntryType.FullName};\n")))
            .Append($$"""
                namespace SocialCommerce.Scripts
                {
                    public static class {{typeName}}
                    {
                        public static object Run(object[] values) => Body({{arguments}});

                        // Not inlined into Run, so that a stack trace keeps the frame whose lines are the user's.
                        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
                        private static {{result}} Body({{parameters}})
                        {

                """);
        if (IsStatementBody(code))
        {
            builder.AppendUserCode(code);
        }
        else
        {
            builder.Append("return\n").AppendUserCode(code).Append(";\n");
        }
        builder.Append("}\n}\n}\n");
        var hostTypes = variables.Select(v => v.Type).Append(resultType).SelectMany(CSharpTypeName.Closure)
            .Concat(libraries.Select(l => l.Loaded.EntryType)).Distinct().ToList();
        return builder.Build("SocialCommerce.Scripts." + typeName, "SocialCommerce.Scripts." + typeName, hostTypes)
            with { Libraries = libraries.Select(l => l.Loaded).ToList() };
    }

    // An expression has no statement terminators; anything with ';' or braces around it is a statement body.
    private static bool IsStatementBody(string code)
    {
        var trimmed = code.Trim();
        return trimmed.Contains(';') || trimmed.StartsWith('{');
    }

    private static string Hash(string code, IReadOnlyList<ExpressionVariable> variables, Type resultType, IReadOnlyList<CompiledPlugin> libraries)
    {
        var text = new StringBuilder(code).Append('\0').Append(resultType.AssemblyQualifiedName);
        foreach (var library in libraries)
        {
            text.Append("\0lib:").Append(library.ContentHash);
        }
        foreach (var variable in variables)
        {
            text.Append('\0').Append(variable.Name).Append(':').Append(variable.Type.AssemblyQualifiedName);
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
