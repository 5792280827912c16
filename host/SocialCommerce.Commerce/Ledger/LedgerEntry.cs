using System.Text.Json.Serialization;

namespace SocialCommerce.Commerce.Ledger;

/// <summary>One posting, never changed or removed once written.</summary>
/// <param name="EntryId">The idempotency key of the posting (a workflow step's operation id plus what it is for).</param>
/// <param name="Reference">The order id of a commission, the task name of a reward.</param>
/// <param name="Level">For a commission: 1 the seller, 2 the upline, 3 the upline's upline.</param>
public sealed record LedgerEntry(string EntryId, LedgerEntryKind Kind, Money Amount, string Reference, int? Level, DateTimeOffset At);

[JsonConverter(typeof(JsonStringEnumConverter<LedgerEntryKind>))]
public enum LedgerEntryKind
{
    [JsonStringEnumMemberName("commission")]
    Commission = 1,

    [JsonStringEnumMemberName("task-reward")]
    TaskReward = 2,
}
