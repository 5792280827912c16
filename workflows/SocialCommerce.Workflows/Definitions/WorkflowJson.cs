using System.Text.Json;
using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Definitions;

/// <summary>Reads and writes definitions in the one JSON shape the designer, the API and the templates share.</summary>
public static class WorkflowJson
{
    /// <summary>The cluster's shape (camelCase, enums as camelCase strings), so definitions stored in grain state read the same.</summary>
    public static JsonSerializerOptions Options => ClusterJson.Options;

    private static readonly JsonSerializerOptions Indented = new(ClusterJson.Options) { WriteIndented = true };

    public static WorkflowDefinition Parse(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, Options)
        ?? throw new JsonException("A workflow definition cannot be JSON null.");

    public static string Write(WorkflowDefinition definition, bool indented = false) =>
        JsonSerializer.Serialize(definition, indented ? Indented : Options);
}
