namespace SocialCommerce.Workflows.Definitions;

/// <summary>One activity placed on the flowchart: its type (see the activity descriptors) and the values of its inputs.</summary>
public sealed record ActivityNode
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>Input values by input name (camelCase, as the descriptor lists them).</summary>
    public IReadOnlyDictionary<string, InputValue> Inputs { get; init; } = new Dictionary<string, InputValue>();

    public Position? Position { get; init; }
}
