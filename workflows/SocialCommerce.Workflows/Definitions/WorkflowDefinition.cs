namespace SocialCommerce.Workflows.Definitions;

/// <summary>
/// A workflow as drawn in the designer and stored as JSON: a flowchart of activities joined by connections, with the
/// variables and inputs it runs on. A published version is frozen; instances keep running on the version they started on.
/// </summary>
public sealed record WorkflowDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public int Version { get; init; } = 1;

    public DefinitionStatus Status { get; init; } = DefinitionStatus.Draft;

    public string? Description { get; init; }

    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    public IReadOnlyList<WorkflowInputDefinition> Inputs { get; init; } = [];

    public Flowchart Root { get; init; } = new();
}

public enum DefinitionStatus
{
    Draft,
    Published,
    Retracted,
}
