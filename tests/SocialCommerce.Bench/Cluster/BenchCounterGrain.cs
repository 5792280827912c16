using SocialCommerce.Cluster;

namespace SocialCommerce.Bench.Cluster;

public interface IBenchCounterGrain : IGrain
{
    /// <summary>A turn that changes state in memory only.</summary>
    Task<long> TouchAsync();

    /// <summary>A turn that writes its state and emits one event.</summary>
    Task<long> IncrementAsync();
}

public sealed class BenchCounterState
{
    public long Count { get; set; }
}

public sealed record BenchCounterIncremented(long Count);

public sealed class BenchCounterGrain(IGrainState<BenchCounterState> state) : IBenchCounterGrain
{
    public Task<long> TouchAsync() => Task.FromResult(++state.State.Count);

    public async Task<long> IncrementAsync()
    {
        state.State.Count++;
        state.Emit(new BenchCounterIncremented(state.State.Count));
        await state.WriteAsync();
        return state.State.Count;
    }
}
