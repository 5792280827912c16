using SocialCommerce.Plugins.Sandbox;

namespace SocialCommerce.Plugins.Hosting;

/// <summary>The <c>Plugins</c> configuration section.</summary>
public sealed class PluginOptions
{
    public const string SectionName = "Plugins";

    /// <summary>Folder of plug-in files (<c>*.csx</c> with a manifest header), loaded at start and on change.</summary>
    public string Directory { get; set; } = "plugins";

    /// <summary>What one run of a plug-in or expression may spend.</summary>
    public ScriptLimits Limits { get; set; } = ScriptLimits.Default;
}
