namespace SocialCommerce.Workflows.Execution;

public enum WorkflowStatus
{
    Running,

    /// <summary>Waiting on one or more bookmarks.</summary>
    Suspended,
    Finished,

    /// <summary>An activity threw; the instance has an incident and waits for an automatic or operator retry.</summary>
    Faulted,
    Cancelled,
}

/// <summary>An activity fault the instance is stopped on, until a retry re-runs the activity.</summary>
public sealed record Incident(string ActivityId, string? FromActivityId, string Message, int Attempts, DateTimeOffset At);
