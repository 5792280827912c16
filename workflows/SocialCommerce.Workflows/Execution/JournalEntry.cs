namespace SocialCommerce.Workflows.Execution;

/// <summary>One line of an instance's journal: an activity started, completed (with its outcome) or faulted.</summary>
public readonly record struct JournalEntry(DateTimeOffset At, string ActivityId, string ActivityType, JournalEntryKind Kind, string? Outcome = null, string? Message = null);

public enum JournalEntryKind
{
    Started,
    Suspended,
    Resumed,
    Completed,
    Faulted,
}
