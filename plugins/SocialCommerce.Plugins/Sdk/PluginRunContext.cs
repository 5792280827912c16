namespace SocialCommerce.Plugins.Sdk;

/// <summary>What a plug-in runs for; the engine fills in what the workflow instance knows.</summary>
public sealed record PluginRunContext(PromoterView? Promoter = null, GroupView? Group = null, OrderView? Order = null)
{
    public static PluginRunContext Empty { get; } = new();
}
