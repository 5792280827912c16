using System.Text.Json.Nodes;
using SocialCommerce.Plugins.Expressions;

namespace SocialCommerce.Workflows.Expressions;

/// <summary>
/// Expressions through SocialCommerce.Plugins' <see cref="ExpressionCompiler"/> (Roslyn, sandboxed, cached by content
/// hash). An input of JSON type asks for <c>object</c>, so <c>count + 1</c> may feed a JSON or a typed variable alike.
/// </summary>
internal sealed class RoslynExpressionCompiler(ExpressionCompiler compiler) : IExpressionCompiler
{
    public CompiledWorkflowExpression Compile(string code, IReadOnlyList<ExpressionVariable> variables, Type resultType)
    {
        var wanted = typeof(JsonNode).IsAssignableFrom(resultType) ? typeof(object) : resultType;
        try
        {
            return new Compiled(compiler.Compile(code, variables, wanted));
        }
        catch (ScriptCompilationException e)
        {
            throw new ExpressionCompilationException(e.Diagnostics.Select(d => new ExpressionDiagnostic(d.Line, d.Column, $"{d.Id}: {d.Message}")).ToList());
        }
    }

    private sealed class Compiled(CompiledExpression expression) : CompiledWorkflowExpression
    {
        public override ValueTask<object?> EvaluateAsync(IReadOnlyDictionary<string, object?> variables, CancellationToken cancellationToken) =>
            new(expression.Evaluate(variables, cancellationToken));
    }
}
