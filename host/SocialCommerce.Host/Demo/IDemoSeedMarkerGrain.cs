using SocialCommerce.Cluster;

namespace SocialCommerce.Host.Demo;

/// <summary>Remembers that demo data was seeded (or is half-way), so a second start seeds nothing.</summary>
public interface IDemoSeedMarkerGrain : IGrain
{
    Task<DemoSeedMarkerState> GetAsync(CancellationToken cancellationToken = default);

    Task MarkStartedAsync(CancellationToken cancellationToken = default);

    Task MarkCompletedAsync(CancellationToken cancellationToken = default);
}

public sealed class DemoSeedMarkerState
{
    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

[GrainType("demo-seed")]
internal sealed class DemoSeedMarkerGrain(IGrainState<DemoSeedMarkerState> state, TimeProvider time) : IDemoSeedMarkerGrain
{
    public Task<DemoSeedMarkerState> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new DemoSeedMarkerState { StartedAt = state.State.StartedAt, CompletedAt = state.State.CompletedAt });

    public async Task MarkStartedAsync(CancellationToken cancellationToken = default)
    {
        state.State.StartedAt ??= time.GetUtcNow();
        await state.WriteAsync(cancellationToken);
    }

    public async Task MarkCompletedAsync(CancellationToken cancellationToken = default)
    {
        state.State.CompletedAt = time.GetUtcNow();
        await state.WriteAsync(cancellationToken);
    }
}
