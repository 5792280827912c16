using SocialCommerce.Plugins.Expressions;

namespace SocialCommerce.Workflows.Expressions;

/// <summary>
/// The seam to the C# expression compiler. The engine compiles every expression of a published version once, when
/// it builds the version's plan, and reports compile errors with line and column. The default is
/// <see cref="RoslynExpressionCompiler"/> over SocialCommerce.Plugins' sandboxed compiler.
/// </summary>
public interface IExpressionCompiler
{
    /// <param name="variables">The workflow's variables and inputs, with the CLR types their values have at run time.</param>
    /// <exception cref="ExpressionCompilationException">The code does not compile.</exception>
    CompiledWorkflowExpression Compile(string code, IReadOnlyList<ExpressionVariable> variables, Type resultType);
}

/// <summary>One compiled expression: evaluating it costs a delegate call, never a compile.</summary>
public abstract class CompiledWorkflowExpression
{
    public abstract ValueTask<object?> EvaluateAsync(IReadOnlyDictionary<string, object?> variables, CancellationToken cancellationToken);
}

public sealed record ExpressionDiagnostic(int Line, int Column, string Message);

public sealed class ExpressionCompilationException(IReadOnlyList<ExpressionDiagnostic> diagnostics)
    : Exception(diagnostics.Count == 0 ? "The expression does not compile." : $"({diagnostics[0].Line},{diagnostics[0].Column}): {diagnostics[0].Message}")
{
    public IReadOnlyList<ExpressionDiagnostic> Diagnostics { get; } = diagnostics;
}
