using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace SocialCommerce.Plugins.Manifests;

/// <summary>
/// The types a manifest may give an input or output, by the name written in the manifest, with the CLR type the
/// script sees. Values arrive from workflow variables and JSON, so <see cref="Coerce"/> converts what is close
/// enough (a JSON number to a long, an array of strings to a list) and refuses the rest with a message.
/// </summary>
public static class PluginValueType
{
    public static readonly IReadOnlyDictionary<string, Type> ClrTypes = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        ["string"] = typeof(string),
        ["integer"] = typeof(long),
        ["decimal"] = typeof(decimal),
        ["boolean"] = typeof(bool),
        ["money"] = typeof(long),
        ["datetime"] = typeof(DateTimeOffset),
        ["string-list"] = typeof(IReadOnlyList<string>),
        ["record"] = typeof(IReadOnlyDictionary<string, object?>),
        ["records"] = typeof(IReadOnlyList<IReadOnlyDictionary<string, object?>>),
    };

    public static object? Coerce(string type, object? value, string name)
    {
        if (value is JsonElement json)
        {
            value = FromJson(json);
        }
        if (value is null)
        {
            return null;
        }
        try
        {
            return type.ToLowerInvariant() switch
            {
                "string" => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture),
                "integer" or "money" => value is long l ? l : Convert.ToInt64(value, CultureInfo.InvariantCulture),
                "decimal" => value is decimal d ? d : Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                "boolean" => value is bool b ? b : Convert.ToBoolean(value, CultureInfo.InvariantCulture),
                "datetime" => value switch
                {
                    DateTimeOffset dto => dto,
                    DateTime dt => new DateTimeOffset(dt),
                    string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture),
                    _ => throw new InvalidCastException(),
                },
                "string-list" => value as IReadOnlyList<string> ?? AsList(value).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!).ToList(),
                "record" => AsRecord(value),
                "records" => value as IReadOnlyList<IReadOnlyDictionary<string, object?>> ?? AsList(value).Select(AsRecord).ToList(),
                _ => throw new ArgumentException($"Unknown type '{type}'."),
            };
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
        {
            throw new ArgumentException($"'{name}' is {type}; the value given ({value.GetType().Name}) does not convert to it.", name, ex);
        }
    }

    private static IEnumerable<object?> AsList(object value) =>
        value is IEnumerable items and not string ? items.Cast<object?>() : throw new InvalidCastException();

    private static IReadOnlyDictionary<string, object?> AsRecord(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> record => record,
        IDictionary<string, object?> record => new Dictionary<string, object?>(record),
        JsonElement json => AsRecord(FromJson(json)),
        _ => throw new InvalidCastException(),
    };

    private static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.TryGetInt64(out var l) ? l : json.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => json.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => json.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value)),
        _ => null,
    };
}
