using System.Text.Json.Serialization;

namespace SocialCommerce.Plugins.Manifests;

/// <summary>One input or output of a plug-in: a C# identifier, a <see cref="PluginValueType"/> name, a help text.</summary>
public sealed record PluginParameter(string Name, string Type, string? Description = null)
{
    [JsonIgnore]
    public Type ClrType => PluginValueType.ClrTypes[Type];
}
