using System.Text.Json.Nodes;
using SocialCommerce.Cluster;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Instances;

/// <summary>
/// One workflow instance, keyed by instance id. Every call is one turn: the executor runs, and state, bookmarks,
/// journal, reminders and emitted events commit in one write. The grain's single activation is what keeps an
/// instance from running on two nodes at once.
/// </summary>
public interface IWorkflowInstanceGrain : IRemindable
{
    /// <summary>Starts the instance; a second start of the same id changes nothing and says so.</summary>
    Task<InstanceStartResult> StartAsync(StartInstance start, CancellationToken cancellationToken = default);

    /// <summary>Resumes the bookmark the stimulus names (by token, or by name and correlation). False if none waits or the stimulus was seen.</summary>
    Task<bool> ResumeAsync(InstanceStimulus stimulus, CancellationToken cancellationToken = default);

    /// <summary>Operator retry of an incident: re-runs the faulted activity now.</summary>
    Task<WorkflowInstanceView?> RetryAsync(CancellationToken cancellationToken = default);

    Task<WorkflowInstanceView?> CancelAsync(CancellationToken cancellationToken = default);

    Task<WorkflowInstanceView?> GetAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(int offset = 0, int limit = 1000, CancellationToken cancellationToken = default);
}

public sealed record StartInstance(string DefinitionId, int Version, JsonObject? Input = null, string? CorrelationId = null, string? TriggerActivityId = null);

public sealed record InstanceStartResult(WorkflowInstanceView Instance, bool AlreadyStarted);

public sealed record InstanceStimulus(string StimulusId, string? Token = null, string? BookmarkName = null, string? CorrelationId = null, JsonNode? Payload = null);

public sealed record WorkflowInstanceView(
    string InstanceId,
    string DefinitionId,
    int Version,
    WorkflowStatus Status,
    string? CorrelationId,
    IReadOnlyDictionary<string, JsonNode?> Variables,
    JsonObject Output,
    IReadOnlyList<Bookmark> Bookmarks,
    Incident? Incident,
    int JournalLength,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
