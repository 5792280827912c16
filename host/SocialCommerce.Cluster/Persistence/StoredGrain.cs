namespace SocialCommerce.Cluster.Persistence;

internal readonly record struct StoredGrain(long Version, string Payload);
