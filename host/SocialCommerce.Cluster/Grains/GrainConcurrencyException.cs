namespace SocialCommerce.Cluster;

/// <summary>A turn kept losing optimistic-concurrency races to other writers and gave up; the call may be retried.</summary>
public sealed class GrainConcurrencyException(GrainId id, int attempts)
    : Exception($"Grain {id} was changed by other writers {attempts} times in a row while this call ran; nothing was committed. Retry the call.")
{
    public GrainId GrainId { get; } = id;
}
