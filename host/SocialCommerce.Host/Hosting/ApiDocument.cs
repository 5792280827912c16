using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SocialCommerce.Commerce;

namespace SocialCommerce.Host.Hosting;

/// <summary>The OpenAPI document served at <c>/openapi/v1.json</c>: what the API is for, above the endpoints' own names and summaries.</summary>
public static class ApiDocument
{
    public const string Path = "/openapi/v1.json";

    public static void Describe(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "SocialCommerce",
                Version = "v1",
                Description = "Promoters, their chat groups, orders and regional teams of a social-commerce platform. " +
                    "Money is always an integer number of fen (1 yuan = 100 fen). Every error is application/problem+json " +
                    "with a title, a detail saying what to do, and per-field errors for invalid input.",
            };
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(Money))
            {
                DescribeMoney(schema);
            }

            DropNullableFromRequired(schema, context.JsonTypeInfo);
            return Task.CompletedTask;
        });
        Workflows.WorkflowApiDocument.Describe(options);
    }

    /// <summary><see cref="Money"/> has its own JSON converter, so the generator cannot see that it is a plain integer.</summary>
    private static void DescribeMoney(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.Integer;
        schema.Format = "int64";
        schema.Description = "An amount in fen (1 yuan = 100 fen), e.g. 12950 for ¥129.50; fractions are refused.";
    }

    /// <summary>
    /// Records list every constructor parameter as required, but a nullable one may be left out (e.g. a payment's
    /// reference). Fields a request really needs are checked by the handler, which names each missing one in its 400.
    /// </summary>
    private static void DropNullableFromRequired(OpenApiSchema schema, JsonTypeInfo type)
    {
        if (schema.Required is not { Count: > 0 } required)
        {
            return;
        }

        foreach (var property in type.Properties.Where(p => p.IsGetNullable))
        {
            required.Remove(property.Name);
        }
    }
}
