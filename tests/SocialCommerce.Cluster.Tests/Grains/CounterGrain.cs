namespace SocialCommerce.Cluster.Tests.Grains;

public interface ICounterGrain : IRemindable
{
    Task<long> IncrementAsync(long by = 1);

    /// <summary>Counts without writing: the in-memory turn path.</summary>
    Task<long> IncrementInMemoryAsync();

    Task<long> GetAsync();

    Task FailAfterChangingStateAsync();

    Task ScheduleAsync(string reminder, DateTimeOffset dueAt, TimeSpan? period = null);
}

public sealed class CounterState
{
    public long Count { get; set; }

    public Dictionary<string, int> Fired { get; set; } = [];
}

public sealed record CounterIncremented(long NewCount);

public sealed class CounterGrain(IGrainState<CounterState> state) : ICounterGrain
{
    public async Task<long> IncrementAsync(long by = 1)
    {
        state.State.Count += by;
        state.Emit(new CounterIncremented(state.State.Count));
        await state.WriteAsync();
        return state.State.Count;
    }

    public Task<long> IncrementInMemoryAsync() => Task.FromResult(++state.State.Count);

    public Task<long> GetAsync() => Task.FromResult(state.State.Count);

    public Task FailAfterChangingStateAsync()
    {
        state.State.Count += 1000;
        state.Emit(new CounterIncremented(state.State.Count));
        throw new InvalidOperationException("the turn fails after changing state");
    }

    public Task ScheduleAsync(string reminder, DateTimeOffset dueAt, TimeSpan? period = null)
    {
        state.SetReminder(reminder, dueAt, period);
        return Task.CompletedTask;
    }

    public Task ReceiveReminderAsync(string reminderName, CancellationToken cancellationToken = default)
    {
        state.State.Fired[reminderName] = state.State.Fired.GetValueOrDefault(reminderName) + 1;
        return Task.CompletedTask;
    }
}
