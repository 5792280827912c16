using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocialCommerce.Plugins.Compilation;
using SocialCommerce.Plugins.Expressions;

namespace SocialCommerce.Plugins.Sandbox;

/// <summary>
/// Walks the user's part of a compiled script with its semantic model and refuses every name, type and construct
/// that <see cref="SandboxPolicy"/> does not allow: file, network, process, environment, reflection, threads and
/// tasks, unsafe code, P/Invoke, GC, AppDomain, assembly loading and <c>dynamic</c>. Checking the type of every
/// expression, not only the names written, also catches a forbidden value reached through an allowed member.
/// </summary>
internal sealed class SandboxAnalyzer(SemanticModel model, GeneratedScript script)
{
    public const string ForbiddenApiId = "SC1001";
    public const string ForbiddenConstructId = "SC1002";

    private readonly IReadOnlySet<string> _hostTypes = script.HostTypes.Select(SandboxPolicy.HostTypeKey).ToHashSet(StringComparer.Ordinal);
    private readonly IAssemblySymbol _scriptAssembly = model.Compilation.Assembly;
    private readonly List<ScriptDiagnostic> _diagnostics = [];
    private readonly HashSet<(int Line, string Message)> _reported = [];

    public IReadOnlyList<ScriptDiagnostic> Analyze()
    {
        var root = model.SyntaxTree.GetRoot();
        foreach (var node in root.DescendantNodes(script.UserSpan))
        {
            if (!script.UserSpan.Contains(node.Span))
            {
                continue;
            }
            CheckConstruct(node);
            CheckSymbol(node);
            if (node is ExpressionSyntax expression && node is not (PredefinedTypeSyntax or NullableTypeSyntax))
            {
                // The converted type too: a lambda has no type of its own, but may become an expression tree.
                var info = model.GetTypeInfo(expression);
                foreach (var type in new[] { info.Type, info.ConvertedType }.OfType<ITypeSymbol>().Distinct(SymbolEqualityComparer.Default).Cast<ITypeSymbol>())
                {
                    if (SandboxPolicy.RefusalOf(type, _scriptAssembly, _hostTypes) is { } refusal)
                    {
                        Report(node, ForbiddenApiId, $"'{type.ToDisplayString()}' is not allowed in scripts: {refusal}.");
                    }
                }
            }
        }
        foreach (var token in root.DescendantTokens(script.UserSpan))
        {
            var refusal = token.Kind() switch
            {
                SyntaxKind.UnsafeKeyword or SyntaxKind.FixedKeyword or SyntaxKind.StackAllocKeyword => "unsafe code is not available",
                SyntaxKind.ExternKeyword => "extern methods (P/Invoke) are not available",
                SyntaxKind.AsyncKeyword or SyntaxKind.AwaitKeyword => "async code is not available; scripts run synchronously",
                SyntaxKind.ArgListKeyword or SyntaxKind.MakeRefKeyword or SyntaxKind.RefTypeKeyword or SyntaxKind.RefValueKeyword =>
                    "unsafe code is not available",
                _ => null,
            };
            if (refusal is not null && script.UserSpan.Contains(token.Span))
            {
                Report(token.GetLocation().SourceSpan.Start, ForbiddenConstructId, $"'{token.Text}' is not allowed in scripts: {refusal}.");
            }
        }
        return _diagnostics;
    }

    private void CheckConstruct(SyntaxNode node)
    {
        if (node is IdentifierNameSyntax { IsVar: false, Identifier.Text: "dynamic" } && model.GetTypeInfo(node).Type is IDynamicTypeSymbol)
        {
            Report(node, ForbiddenConstructId, "'dynamic' is not allowed in scripts: use typed values.");
        }
    }

    private void CheckSymbol(SyntaxNode node)
    {
        if (node is not (SimpleNameSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax
            or ElementAccessExpressionSyntax or AttributeSyntax))
        {
            return;
        }
        var info = model.GetSymbolInfo(node);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        var refusal = symbol switch
        {
            null => null,
            ITypeSymbol type => SandboxPolicy.RefusalOf(type, _scriptAssembly, _hostTypes),
            IMethodSymbol method => SandboxPolicy.RefusalOfMember(method, _scriptAssembly, _hostTypes)
                ?? method.TypeArguments.Select(t => SandboxPolicy.RefusalOf(t, _scriptAssembly, _hostTypes)).FirstOrDefault(r => r is not null),
            IPropertySymbol or IFieldSymbol or IEventSymbol => SandboxPolicy.RefusalOfMember(symbol, _scriptAssembly, _hostTypes),
            INamespaceSymbol ns when !ns.IsGlobalNamespace && IsForbiddenNamespaceLeaf(node, ns) =>
                $"namespace {ns.ToDisplayString()} is not available",
            _ => null,
        };
        if (refusal is not null)
        {
            Report(node, ForbiddenApiId, $"'{symbol!.ToDisplayString()}' is not allowed in scripts: {refusal}.");
        }
    }

    // `System.IO.File` names the namespaces System and System.IO on the way to File; File itself is reported, so
    // namespaces are reported only where a using directive names them.
    private static bool IsForbiddenNamespaceLeaf(SyntaxNode node, INamespaceSymbol ns) =>
        node.Parent is UsingDirectiveSyntax && !SandboxPolicy.AllowedNamespaces.Contains(ns.ToDisplayString());

    private void Report(SyntaxNode node, string id, string message) => Report(node.SpanStart, id, message);

    private void Report(int position, string id, string message)
    {
        var (line, column) = script.UserPosition(position);
        if (_reported.Add((line, message)))
        {
            _diagnostics.Add(new ScriptDiagnostic(id, line, column, message));
        }
    }
}
