using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Ledger;

/// <summary>
/// One promoter's earnings (commissions and task rewards), keyed by promoter id: an append-only list of entries and
/// the balance they add up to, changed together in one write. Every posting carries an entry id, and a posting whose
/// id (or whose order / task) is already in the ledger is a no-op, so a replayed workflow step never pays twice.
/// </summary>
public interface ILedgerGrain : IGrain
{
    Task<LedgerView> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>The promoter's own completed sales in the business month (China time) that contains <paramref name="at"/>.</summary>
    Task<Money> GetMonthlySalesAsync(DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Credits commission on a completed order at a level of the chain (1 = the seller, 2 and 3 = the uplines).</summary>
    Task<LedgerEntry> CreditCommissionAsync(CommissionCredit credit, CancellationToken cancellationToken = default);

    /// <summary>Pays a small fixed reward for a completed task, once per task, within the promoter's cap on task rewards.</summary>
    Task<TaskRewardResult> GrantTaskRewardAsync(TaskReward reward, CancellationToken cancellationToken = default);
}
