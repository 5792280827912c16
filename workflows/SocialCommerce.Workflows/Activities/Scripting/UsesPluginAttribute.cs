using SocialCommerce.Plugins.Manifests;

namespace SocialCommerce.Workflows.Activities.Scripting;

/// <summary>
/// Marks a <see cref="PluginActivity"/> with the plug-in kinds it runs, so that publishing can refuse a version that
/// names a plug-in of another kind before any instance runs it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class UsesPluginAttribute(params PluginKind[] kinds) : Attribute
{
    public IReadOnlyList<PluginKind> Kinds { get; } = kinds;
}
