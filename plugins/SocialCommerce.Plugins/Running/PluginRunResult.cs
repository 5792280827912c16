namespace SocialCommerce.Plugins.Running;

/// <summary>A run's outputs by manifest name, and what the script logged.</summary>
public sealed record PluginRunResult(IReadOnlyDictionary<string, object?> Outputs, IReadOnlyList<string> Log);
