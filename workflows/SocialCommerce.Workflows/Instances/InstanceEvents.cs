using SocialCommerce.Cluster;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Instances;

/// <summary>
/// Emitted with every write of an instance, for the lists grains cannot query (instances by definition, status and
/// correlation; bookmarks by name and correlation). <paramref name="Revision"/> orders them, so a late redelivery
/// never overwrites newer facts.
/// </summary>
[EventName("workflow.instance-changed")]
public sealed record WorkflowInstanceChanged(
    string InstanceId,
    string DefinitionId,
    int Version,
    WorkflowStatus Status,
    string? CorrelationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Revision,
    IReadOnlyList<BookmarkKey> AddedBookmarks,
    IReadOnlyList<string> RemovedBookmarks);

public sealed record BookmarkKey(string Token, string Name, string? CorrelationId);
