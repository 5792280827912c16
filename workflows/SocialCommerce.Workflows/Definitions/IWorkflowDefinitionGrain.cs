using SocialCommerce.Cluster;
using SocialCommerce.Workflows.Validation;

namespace SocialCommerce.Workflows.Definitions;

/// <summary>
/// One workflow definition, keyed by its id: the current draft, and the list of versions it published. Publishing
/// freezes the draft into a <see cref="IWorkflowVersionGrain"/>; the next save makes a new draft.
/// </summary>
public interface IWorkflowDefinitionGrain : IGrain
{
    /// <summary>Saves the draft even if it is not valid yet (the designer saves work in progress); the errors come back with it.</summary>
    Task<DraftSaved> SaveDraftAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default);

    Task<DefinitionSummary?> GetSummaryAsync(CancellationToken cancellationToken = default);

    /// <summary>The draft if there is one, else the latest version.</summary>
    Task<WorkflowDefinition?> GetLatestAsync(CancellationToken cancellationToken = default);

    /// <exception cref="WorkflowValidationException">The draft is not valid.</exception>
    /// <exception cref="InvalidOperationException">There is no draft to publish.</exception>
    Task<WorkflowDefinition> PublishAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops new instances; running ones finish on their version. Publishing again brings it back.</summary>
    Task RetractAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the definition from the lists and stops its triggers; frozen versions stay for the instances that ran on
    /// them. Saving a draft under the same id later starts afresh (versions numbered after the old ones). False if there
    /// was nothing to delete.
    /// </summary>
    Task<bool> DeleteAsync(CancellationToken cancellationToken = default);

    /// <summary>The version new instances start on, or null if none is published (or it was retracted).</summary>
    Task<int?> GetPublishedVersionAsync(CancellationToken cancellationToken = default);
}

public sealed record DraftSaved(WorkflowDefinition Draft, IReadOnlyList<ValidationError> Errors);

public sealed record DefinitionSummary(string Id, string Name, int? PublishedVersion, int? DraftVersion, bool Retracted,
    IReadOnlyList<DefinitionVersionInfo> Versions, DateTimeOffset UpdatedAt);

public sealed record DefinitionVersionInfo(int Version, DateTimeOffset PublishedAt);
