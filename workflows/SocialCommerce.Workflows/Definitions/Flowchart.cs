namespace SocialCommerce.Workflows.Definitions;

/// <summary>The root of a definition: activities and the connections between their outcomes, as in Elsa 3's Flowchart.</summary>
public sealed record Flowchart
{
    public IReadOnlyList<ActivityNode> Activities { get; init; } = [];

    public IReadOnlyList<Connection> Connections { get; init; } = [];
}

/// <summary>When <paramref name="Source"/> completes with <paramref name="Outcome"/>, <paramref name="Target"/> runs next.</summary>
public sealed record Connection(string Source, string Outcome, string Target);

/// <summary>Where the designer draws an activity; the engine ignores it.</summary>
public sealed record Position(double X, double Y);
