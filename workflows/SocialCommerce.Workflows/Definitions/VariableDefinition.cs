using System.Text.Json.Nodes;

namespace SocialCommerce.Workflows.Definitions;

/// <summary>A workflow variable: every instance starts with <paramref name="Default"/> (or the type's empty value).</summary>
public sealed record VariableDefinition(string Name, VariableType Type, JsonNode? Default = null);

/// <summary>A value the starter passes in (<c>StartWorkflowRequest.Input</c>); readable by name like a variable.</summary>
public sealed record WorkflowInputDefinition(string Name, VariableType Type, bool Required = false);

public enum VariableType
{
    String,
    Int,
    Decimal,
    Bool,
    Json,
}
