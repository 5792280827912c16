namespace SocialCommerce.Cluster;

/// <summary>The stored type name of a grain class (default: the class name without a trailing "Grain", lower-case).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
