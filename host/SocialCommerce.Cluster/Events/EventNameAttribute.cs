namespace SocialCommerce.Cluster;

/// <summary>The stored name of a domain event type (default: the class name).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
