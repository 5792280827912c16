using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using SocialCommerce.Commerce;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SocialCommerce.Host.Errors;

/// <summary>
/// Says what a field of the request body should hold when the JSON has a value of the wrong kind there. The
/// serializer's own message names a C# type ("could not be converted to …RecordPayment"), which tells an API user
/// nothing; this walks the JSON path through the endpoint's body type to the field and names what it accepts.
/// </summary>
internal static class ExpectedJsonValue
{
    /// <summary>E.g. "channel must be one of: wechat-transfer, red-packet, …"; null when the field cannot be found.</summary>
    public static string? Describe(HttpContext context, string field, string? jsonPath)
    {
        var bodyType = BodyType(context);
        if (bodyType is null)
        {
            return null;
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var type = FieldType(options, bodyType, jsonPath);
        return type is null ? null : $"{field} must be {Expectation(options, type)}.";
    }

    /// <summary>E.g. "limit must be a whole number" for a query or route value of a handler parameter; null when unknown.</summary>
    public static string? DescribeParameter(HttpContext context, string name)
    {
        var parameter = FailedEndpoint(context)?.Metadata.GetMetadata<MethodInfo>()?.GetParameters().FirstOrDefault(p => p.Name == name);
        if (parameter is null)
        {
            return null;
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return $"{name} must be {Expectation(options, Unwrap(parameter.ParameterType))}";
    }

    /// <summary>
    /// The type the failed endpoint reads its body as. The exception handler runs with the endpoint cleared, so it
    /// is taken from the exception feature.
    /// </summary>
    public static Type? BodyType(HttpContext context) => FailedEndpoint(context)?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    private static Endpoint? FailedEndpoint(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();

    private static Type? FieldType(JsonSerializerOptions options, Type bodyType, string? jsonPath)
    {
        var type = bodyType;
        foreach (var step in Steps(jsonPath))
        {
            var info = options.GetTypeInfo(Unwrap(type));
            Type? next = step is null
                ? info.ElementType
                : info.Properties.FirstOrDefault(p => string.Equals(p.Name, step, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            if (next is null)
            {
                return null;
            }

            type = next;
        }

        return Unwrap(type);
    }

    /// <summary>"$.items[0].unitPrice" → "items", (element), "unitPrice"; a null step is "an element of the array".</summary>
    private static IEnumerable<string?> Steps(string? jsonPath)
    {
        foreach (var part in (jsonPath ?? "$").TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            if (bracket != 0)
            {
                yield return bracket < 0 ? part : part[..bracket];
            }

            for (var i = Math.Max(bracket, 0); bracket >= 0 && i < part.Length; i++)
            {
                if (part[i] == '[')
                {
                    yield return null;
                }
            }
        }
    }

    private static string Expectation(JsonSerializerOptions options, Type type)
    {
        if (type.IsEnum)
        {
            return $"one of: {string.Join(", ", WireNames.All(type))}";
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 => "a whole number",
            TypeCode.Decimal or TypeCode.Double or TypeCode.Single => "a number",
            TypeCode.Boolean => "true or false",
            TypeCode.String => "a string in double quotes",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "an ISO 8601 date and time, e.g. \"2026-11-30T20:00:00+08:00\"",
            _ when type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) => "a JSON array [ … ]",
            _ when options.GetTypeInfo(type).Kind == JsonTypeInfoKind.Object => "a JSON object { … }",
            _ => "a value of another kind",
        };
    }

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}
