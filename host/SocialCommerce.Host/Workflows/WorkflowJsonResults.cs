using Microsoft.AspNetCore.Http.HttpResults;
using SocialCommerce.Workflows.Definitions;

namespace SocialCommerce.Host.Workflows;

/// <summary>
/// Responses in the engine's JSON shape (<see cref="WorkflowJson.Options"/>): enums as camelCase strings, as in export
/// files, rather than the host's default numbers. Endpoints declare the body type with <c>Produces&lt;T&gt;</c>.
/// </summary>
internal static class WorkflowJsonResults
{
    public static JsonHttpResult<T> Ok<T>(T value) => TypedResults.Json(value, WorkflowJson.Options);

    /// <summary>201 or 202 with a <c>Location</c> header pointing at the new resource.</summary>
    public static JsonHttpResult<T> At<T>(HttpContext context, int status, string location, T value)
    {
        context.Response.Headers.Location = location;
        return TypedResults.Json(value, WorkflowJson.Options, statusCode: status);
    }
}
