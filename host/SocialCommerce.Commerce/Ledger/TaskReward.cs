namespace SocialCommerce.Commerce.Ledger;

/// <summary>
/// A reward of <paramref name="Amount"/> for <paramref name="TaskName"/>; the promoter's task rewards together never
/// exceed <paramref name="Cap"/> (the last reward under the cap is cut to fit).
/// </summary>
public sealed record TaskReward(string EntryId, string TaskName, Money Amount, Money Cap);

public sealed record TaskRewardResult(TaskRewardOutcome Outcome, LedgerEntry? Entry);

public enum TaskRewardOutcome
{
    /// <summary>Paid now (possibly cut down to the cap).</summary>
    Granted,

    /// <summary>This task was rewarded before (this posting or an earlier one); nothing more is paid.</summary>
    AlreadyRewarded,

    /// <summary>The promoter's task rewards already reach the cap; nothing is paid.</summary>
    CapReached,
}
