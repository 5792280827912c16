using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialCommerce.Workflows.Definitions;

namespace SocialCommerce.Workflows.Execution;

/// <summary>
/// Converts between the values variables hold (string, long, decimal, bool, JsonNode) and what inputs ask for.
/// Invariant culture throughout: a definition means the same on every machine.
/// </summary>
public static class ValueConverter
{
    public static Type ClrType(VariableType type) => type switch
    {
        VariableType.String => typeof(string),
        VariableType.Int => typeof(long),
        VariableType.Decimal => typeof(decimal),
        VariableType.Bool => typeof(bool),
        _ => typeof(JsonNode),
    };

    public static T To<T>(object? value)
    {
        if (value is T typed)
        {
            return typed;
        }
        return (T)To(value, typeof(T))!;
    }

    public static object? To(object? value, Type target)
    {
        if (value is null)
        {
            return target.IsValueType && Nullable.GetUnderlyingType(target) is null ? Activator.CreateInstance(target) : null;
        }
        if (target.IsInstanceOfType(value))
        {
            return value;
        }
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (value is JsonNode node)
        {
            if (typeof(JsonNode).IsAssignableFrom(underlying))
            {
                return node;
            }
            if (node is JsonValue jsonValue)
            {
                if (FromJsonValue(jsonValue, underlying) is { } fast)
                {
                    return fast;
                }
                if (jsonValue.GetValueKind() == JsonValueKind.String)
                {
                    return To(jsonValue.GetValue<string>(), target);
                }
            }
            if (underlying == typeof(string))
            {
                return node.ToJsonString();
            }
            return node.Deserialize(underlying, WorkflowJson.Options);
        }
        if (typeof(JsonNode).IsAssignableFrom(underlying))
        {
            return JsonSerializer.SerializeToNode(value, value.GetType(), WorkflowJson.Options);
        }
        if (underlying == typeof(string))
        {
            return Convert.ToString(value, CultureInfo.InvariantCulture);
        }
        if (underlying == typeof(TimeSpan))
        {
            return value is string text ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : TimeSpan.FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture));
        }
        if (underlying == typeof(bool) && value is string flag)
        {
            return bool.Parse(flag);
        }
        if (underlying.IsEnum && value is string name)
        {
            return Enum.Parse(underlying, name, ignoreCase: true);
        }
        if (underlying == typeof(IReadOnlyList<string>) || underlying == typeof(string[]))
        {
            return value is string single ? new[] { single } : throw new InvalidCastException($"Cannot read {value.GetType().Name} as a list of strings.");
        }
        return Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
    }

    /// <summary>The common scalar reads without going through the serializer (they run once per activity on hot paths).</summary>
    private static object? FromJsonValue(JsonValue value, Type target)
    {
        if (target == typeof(long))
        {
            return value.TryGetValue<long>(out var l) ? l : value.TryGetValue<int>(out var i) ? (long)i : null;
        }
        if (target == typeof(decimal))
        {
            return value.TryGetValue<decimal>(out var m) ? m : value.TryGetValue<long>(out var l) ? l : value.TryGetValue<int>(out var i) ? (decimal)i : null;
        }
        if (target == typeof(bool))
        {
            return value.TryGetValue<bool>(out var b) ? b : null;
        }
        if (target == typeof(string))
        {
            return value.TryGetValue<string>(out var s) ? s : null;
        }
        return null;
    }

    /// <summary>The value a variable of <paramref name="type"/> holds for a JSON default (or the type's empty value).</summary>
    public static object? FromJson(JsonNode? node, VariableType type) => node is null
        ? type switch
        {
            VariableType.String => null,
            VariableType.Int => 0L,
            VariableType.Decimal => 0m,
            VariableType.Bool => false,
            _ => null,
        }
        : To(node, ClrType(type));

    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), WorkflowJson.Options),
    };
}
