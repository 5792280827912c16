namespace SocialCommerce.Cluster;

/// <summary>Hands out references to grains; the activation behind a reference is created on first call.</summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain of interface <typeparamref name="TGrain"/> with this key. Cheap; never does I/O.</summary>
    TGrain Get<TGrain>(string key) where TGrain : class, IGrain;
}
