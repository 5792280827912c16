using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Expressions;

namespace SocialCommerce.Workflows.Activities;

/// <summary>
/// An activity input bound to its source once per published version: a literal already converted to
/// <typeparamref name="T"/>, a variable slot, or a compiled expression. Reading it does no parsing and no lookup by name.
/// </summary>
public sealed class Input<T> : IInput
{
    private readonly T _literal;
    private readonly int _slot = -1;
    private readonly CompiledWorkflowExpression? _expression;

    public Input(T literal) => _literal = literal;

    internal Input(int variableSlot)
    {
        _literal = default!;
        _slot = variableSlot;
    }

    internal Input(CompiledWorkflowExpression expression)
    {
        _literal = default!;
        _expression = expression;
    }

    public Type ValueType => typeof(T);

    /// <summary>The literal value, for inputs read once per version (a trigger's slug, a case list).</summary>
    public T Literal => _literal;

    public ValueTask<T> EvaluateAsync(ActivityContext context)
    {
        if (_expression is not null)
        {
            return EvaluateExpressionAsync(context, _expression);
        }
        return _slot < 0 ? new ValueTask<T>(_literal) : new ValueTask<T>(ValueConverter.To<T>(context.Execution.Variables[_slot]));
    }

    private static async ValueTask<T> EvaluateExpressionAsync(ActivityContext context, CompiledWorkflowExpression expression) =>
        ValueConverter.To<T>(await expression.EvaluateAsync(context.Execution.VariableView, context.CancellationToken));

    public static implicit operator Input<T>(T literal) => new(literal);
}

/// <summary>The untyped view the plan builder uses to bind inputs.</summary>
public interface IInput
{
    Type ValueType { get; }
}
