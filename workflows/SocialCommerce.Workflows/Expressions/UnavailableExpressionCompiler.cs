namespace SocialCommerce.Workflows.Expressions;

/// <summary>
/// Used when no C# compiler is registered: every expression is refused with a message saying so, at line 1 column 1,
/// so that a definition using one fails validation instead of failing at run time.
/// </summary>
internal sealed class UnavailableExpressionCompiler : IExpressionCompiler
{
    public CompiledWorkflowExpression Compile(string code, IReadOnlyList<ExpressionVariable> variables, Type resultType) =>
        throw new ExpressionCompilationException([new ExpressionDiagnostic(1, 1, "C# expressions need the plug-in compiler, which is not registered in this host.")]);
}
