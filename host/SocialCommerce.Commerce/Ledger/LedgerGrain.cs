using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Ledger;

[GrainType("ledger")]
public sealed class LedgerGrain(IGrainState<LedgerState> state, TimeProvider time) : ILedgerGrain
{
    private string Id => state.Id.Key;

    public Task<LedgerView> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(state.State.ToView(Id));

    public Task<Money> GetMonthlySalesAsync(DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.SalesInMonthOf(at));

    public async Task<LedgerEntry> CreditCommissionAsync(CommissionCredit credit, CancellationToken cancellationToken = default)
    {
        var (entry, events) = state.State.CreditCommission(Id, credit, time.GetUtcNow());
        await state.CommitAsync(events, cancellationToken);
        return entry;
    }

    public async Task<TaskRewardResult> GrantTaskRewardAsync(TaskReward reward, CancellationToken cancellationToken = default)
    {
        var (result, events) = state.State.GrantTaskReward(Id, reward, time.GetUtcNow());
        await state.CommitAsync(events, cancellationToken);
        return result;
    }
}
