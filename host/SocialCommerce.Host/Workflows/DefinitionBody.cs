using System.Text.Json;
using System.Text.Json.Nodes;
using SocialCommerce.Commerce;
using SocialCommerce.Host.Errors;
using SocialCommerce.Workflows.Definitions;

namespace SocialCommerce.Host.Workflows;

/// <summary>
/// Reads a definition from a request body in the engine's JSON shape (what GET and export return), so a designer or an
/// export file round-trips without translation. Malformed JSON and a missing or bad id or name are refused with 400,
/// naming the field and the line and position; what the validator finds (types, connections, inputs) is not refused here.
/// </summary>
internal static class DefinitionBody
{
    /// <param name="id">The id the route names; the body's id may be left out, but must match if given.</param>
    /// <param name="replacesBodyId">The id replaces the body's (an import under another id) rather than having to match it.</param>
    public static async Task<WorkflowDefinition> ReadAsync(HttpRequest request, string? id, CancellationToken cancellationToken, bool replacesBodyId = false)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException error)
        {
            throw Invalid("body", $"The body is not valid JSON: {error.Message.Split(" Path: ")[0]} (line {error.LineNumber + 1}, position {error.BytePositionInLine + 1}).");
        }
        if (node is not JsonObject body)
        {
            throw Invalid("body", "The body must be a workflow definition: a JSON object with id, name, variables, inputs and root.");
        }
        if (id is not null)
        {
            if (!replacesBodyId && body["id"] is JsonValue given && given.TryGetValue<string>(out var bodyId) && bodyId != id)
            {
                throw Invalid("id", $"The body's id '{bodyId}' differs from the id '{id}' in the URL; leave it out or make them equal.");
            }
            body["id"] = id;
        }

        WorkflowDefinition definition;
        try
        {
            definition = body.Deserialize<WorkflowDefinition>(WorkflowJson.Options)
                ?? throw Invalid("body", "The body must be a workflow definition object.");
        }
        catch (JsonException error)
        {
            throw Invalid(DomainExceptionHandler.JsonPathToField(error.Path), error.Message.Split(" Path: ")[0]);
        }

        var errors = new ValidationErrors().Id("id", definition.Id).Text("name", definition.Name);
        if (!errors.IsEmpty)
        {
            throw new DomainValidationException(errors.ToDictionary());
        }
        return definition;
    }

    private static DomainValidationException Invalid(string field, string message) => new(field, message);
}
