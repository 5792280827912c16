using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SocialCommerce.Host.Workflows;

/// <summary>
/// The workflow API writes its bodies with the engine's JSON options (enums as camelCase strings); the document
/// generator only sees the host's options (enums as numbers), so the engine's enums are described here as they travel.
/// </summary>
internal static class WorkflowApiDocument
{
    public static void Describe(OpenApiOptions options) => options.AddSchemaTransformer((schema, context, _) =>
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && type.Namespace?.StartsWith("SocialCommerce.Workflows", StringComparison.Ordinal) == true
            && type.GetCustomAttribute<JsonConverterAttribute>() is null)
        {
            schema.Type = type == context.JsonTypeInfo.Type ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = null;
            schema.Enum = Enum.GetNames(type).Select(name => (JsonNode)JsonValue.Create(JsonNamingPolicy.CamelCase.ConvertName(name))).ToList();
        }
        return Task.CompletedTask;
    });
}
