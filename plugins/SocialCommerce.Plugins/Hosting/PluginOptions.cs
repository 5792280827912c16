using SocialCommerce.Plugins.Sandbox;

namespace SocialCommerce.Plugins.Hosting;

/// <summary>The <c>Plugins</c> configuration section.</summary>
public sealed class PluginOptions
{
    public const string SectionName = "Plugins";

    /// <summary>Folder of plug-in files (<c>*.csx</c> with a manifest header), loaded at start and on change.</summary>
    public string Directory { get; set; } = "plugins";

    /// <summary>What one run of a plug-in or expression may spend.</summary>
    // A new instance, never the shared Default: the configuration binder sets properties on what it finds here.
    public ScriptLimits Limits { get; set; } = new();
}
