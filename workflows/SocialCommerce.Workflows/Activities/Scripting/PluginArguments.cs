using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialCommerce.Workflows.Activities.Scripting;

/// <summary>
/// A plug-in's inputs from an activity's JSON object (literal, variable or expression result): one entry per property,
/// as a <see cref="JsonElement"/> that the plug-in's manifest types convert from.
/// </summary>
public static class PluginArguments
{
    public static Dictionary<string, object?> From(JsonNode? arguments)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        switch (arguments)
        {
            case null:
                return values;
            case JsonObject properties:
                foreach (var (name, value) in properties)
                {
                    values[name] = value is null ? null : JsonSerializer.SerializeToElement(value);
                }
                return values;
            default:
                throw new ArgumentException($"A plug-in's arguments are a JSON object by input name, not {arguments.GetValueKind()}.");
        }
    }
}
