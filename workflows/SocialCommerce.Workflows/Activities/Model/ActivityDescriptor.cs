using System.Text.Json.Serialization;

namespace SocialCommerce.Workflows.Activities;

/// <summary>
/// What the designer and the validator know about an activity type, derived once from its class (attributes and
/// <see cref="Input{T}"/> properties) so there is no second place to keep in sync.
/// </summary>
public sealed record ActivityDescriptor(
    string Type,
    string Category,
    string DisplayName,
    string Help,
    ActivityKind Kind,
    bool BoundsLoops,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Outcomes,
    string? OutcomesFromInput)
{
    [JsonIgnore]
    public Type ClrType { get; init; } = typeof(Activity);

    public InputDescriptor? FindInput(string name) => Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <param name="Type">string, int, decimal, bool, duration, list or json.</param>
public sealed record InputDescriptor(string Name, string Type, string UiHint, bool Required, bool LiteralOnly, string Help)
{
    [JsonIgnore]
    public Type ValueType { get; init; } = typeof(object);

    [JsonIgnore]
    internal System.Reflection.PropertyInfo Property { get; init; } = null!;
}
