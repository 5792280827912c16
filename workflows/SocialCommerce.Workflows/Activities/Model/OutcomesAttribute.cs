namespace SocialCommerce.Workflows.Activities;

/// <summary>The named outcomes an activity can complete with; connections leave from these.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OutcomesAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;

    /// <summary>
    /// An input whose literal list of strings adds outcomes per definition (a Switch's cases, a Fork's branches).
    /// </summary>
    public string? FromInput { get; init; }
}
