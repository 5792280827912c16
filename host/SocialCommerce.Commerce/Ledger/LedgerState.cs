namespace SocialCommerce.Commerce.Ledger;

/// <summary>The stored state of a ledger grain and the rules that post to it.</summary>
public sealed class LedgerState
{
    /// <summary>At most three levels earn on one order (DOMAIN.md): the seller, the upline, the upline's upline.</summary>
    public const int MaxCommissionLevels = 3;

    /// <summary>A task reward is a small fixed amount (DOMAIN.md); ¥200.00 is the most one task may pay.</summary>
    public static readonly Money MaxTaskReward = Money.FromYuan(200);

    /// <summary>
    /// Business months are China's (UTC+8): an order completed at 23:30 on the 31st in Shanghai counts toward that
    /// month, though it is already the 1st in neither UTC nor the server's zone.
    /// </summary>
    public static readonly TimeSpan BusinessOffset = TimeSpan.FromHours(8);

    public List<LedgerEntry> Entries { get; set; } = [];

    /// <summary>
    /// The promoter's own completed sales (GMV) by business month (<c>yyyy-MM</c>), added with the seller's commission
    /// credit so that a replayed credit never counts a sale twice. Tiered commission formulas read it.
    /// </summary>
    public Dictionary<string, Money> SalesByMonth { get; set; } = [];

    public Money Commissions { get; set; }

    public Money TaskRewards { get; set; }

    public Money Balance => Commissions + TaskRewards;

    public Money SalesInMonthOf(DateTimeOffset at) => SalesByMonth.GetValueOrDefault(MonthOf(at));

    public static string MonthOf(DateTimeOffset at) =>
        at.ToOffset(BusinessOffset).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public LedgerView ToView(string promoterId) => new(promoterId, Balance, Commissions, TaskRewards, Entries);

    /// <summary>The stored entry when this posting (by entry id) or this order was credited before; else a new entry and its event.</summary>
    public (LedgerEntry Entry, IReadOnlyList<object> Events) CreditCommission(string promoterId, CommissionCredit credit, DateTimeOffset now)
    {
        if (credit.Level is < 1 or > MaxCommissionLevels)
        {
            throw new RuleViolationException("Too many commission levels",
                $"Commission is paid on at most {MaxCommissionLevels} levels (the seller and two uplines); level {credit.Level} is refused.");
        }
        if (credit.Amount < Money.Zero)
        {
            throw new DomainValidationException("amount", $"A commission cannot be negative (got {credit.Amount}).");
        }
        var existing = Entries.FirstOrDefault(e => e.EntryId == credit.EntryId)
            ?? Entries.FirstOrDefault(e => e.Kind == LedgerEntryKind.Commission && e.Reference == credit.OrderId);
        if (existing is not null)
        {
            return (existing, []);
        }
        var entry = new LedgerEntry(credit.EntryId, LedgerEntryKind.Commission, credit.Amount, credit.OrderId, credit.Level, now);
        Entries.Add(entry);
        Commissions += credit.Amount;
        if (credit.Sale is { } sale)
        {
            SalesByMonth[MonthOf(sale.CompletedAt)] = SalesInMonthOf(sale.CompletedAt) + sale.Total;
        }
        return (entry, [new CommissionCredited(promoterId, credit.EntryId, credit.OrderId, credit.SellerId, credit.Level, credit.Amount, Balance)]);
    }

    public (TaskRewardResult Result, IReadOnlyList<object> Events) GrantTaskReward(string promoterId, TaskReward reward, DateTimeOffset now)
    {
        if (!reward.Amount.IsPositive || reward.Amount > MaxTaskReward)
        {
            throw new DomainValidationException("amount", $"A task reward is a small fixed amount between ¥0.01 and {MaxTaskReward} (got {reward.Amount}).");
        }
        if (reward.Cap < Money.Zero)
        {
            throw new DomainValidationException("cap", $"The cap on task rewards cannot be negative (got {reward.Cap}).");
        }
        var existing = Entries.FirstOrDefault(e => e.EntryId == reward.EntryId)
            ?? Entries.FirstOrDefault(e => e.Kind == LedgerEntryKind.TaskReward && e.Reference == reward.TaskName);
        if (existing is not null)
        {
            return (new TaskRewardResult(TaskRewardOutcome.AlreadyRewarded, existing), []);
        }
        var room = reward.Cap - TaskRewards;
        if (!room.IsPositive)
        {
            return (new TaskRewardResult(TaskRewardOutcome.CapReached, null), []);
        }
        var amount = reward.Amount > room ? room : reward.Amount;
        var entry = new LedgerEntry(reward.EntryId, LedgerEntryKind.TaskReward, amount, reward.TaskName, null, now);
        Entries.Add(entry);
        TaskRewards += amount;
        return (new TaskRewardResult(TaskRewardOutcome.Granted, entry), [new TaskRewardGranted(promoterId, reward.EntryId, reward.TaskName, amount, Balance)]);
    }
}
