using System.Globalization;
using SocialCommerce.Plugins.Sandbox;

namespace SocialCommerce.Plugins.Expressions;

/// <summary>
/// A compiled C# expression, ready to evaluate any number of times from any thread. Each evaluation runs under the
/// sandbox budget; whatever the expression throws comes out as a <see cref="ScriptException"/>.
/// </summary>
public sealed class CompiledExpression
{
    private readonly IReadOnlyList<ExpressionVariable> _variables;
    private readonly Func<object?[], object?> _run;
    private readonly ScriptLimits _limits;
    private readonly string _fileName;

    internal CompiledExpression(IReadOnlyList<ExpressionVariable> variables, Type resultType, Func<object?[], object?> run,
        ScriptLimits limits, string fileName)
    {
        _variables = variables;
        ResultType = resultType;
        _run = run;
        _limits = limits;
        _fileName = fileName;
    }

    public Type ResultType { get; }

    public IReadOnlyList<ExpressionVariable> Variables => _variables;

    /// <param name="values">One entry per declared variable, by name; a missing one reads as the type's default.</param>
    public object? Evaluate(IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var arguments = new object?[_variables.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            var variable = _variables[i];
            if (values.TryGetValue(variable.Name, out var value))
            {
                arguments[i] = Coerce(variable, value);
            }
        }
        return ScriptExecution.Run(_run, arguments, _limits, _fileName, cancellationToken);
    }

    /// <summary>
    /// Values often arrive as another numeric type than declared (JSON numbers are longs or decimals); convert those,
    /// refuse anything else before the script sees it.
    /// </summary>
    internal static object? Coerce(ExpressionVariable variable, object? value)
    {
        if (value is null || variable.Type.IsInstanceOfType(value))
        {
            return value;
        }
        var target = Nullable.GetUnderlyingType(variable.Type) ?? variable.Type;
        if (target.IsInstanceOfType(value))
        {
            return value;
        }
        try
        {
            if (target.IsEnum)
            {
                return value is string name ? Enum.Parse(target, name, ignoreCase: true) : Enum.ToObject(target, value);
            }
            if (value is IConvertible && (target.IsPrimitive || target == typeof(decimal) || target == typeof(string)))
            {
                return Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
            }
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new ArgumentException(
                $"Variable '{variable.Name}' is {variable.Type.Name}; the value {value} ({value.GetType().Name}) does not convert: {ex.Message}",
                nameof(value), ex);
        }
        throw new ArgumentException(
            $"Variable '{variable.Name}' is {variable.Type.Name}; a {value.GetType().Name} cannot be given to it.", nameof(value));
    }
}
