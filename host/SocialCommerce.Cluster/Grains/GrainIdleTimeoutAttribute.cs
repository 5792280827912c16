namespace SocialCommerce.Cluster;

/// <summary>
/// Deactivates this grain class's idle activations sooner than <c>Cluster:IdleTimeout</c> (checked at each idle sweep,
/// <c>Cluster:IdleCheckInterval</c>). For grains that are written once and rarely read again — one per webhook
/// delivery, say — whose activations would otherwise pile up in memory for the full timeout.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GrainIdleTimeoutAttribute(int seconds) : Attribute
{
    public TimeSpan Timeout { get; } = TimeSpan.FromSeconds(seconds);
}
