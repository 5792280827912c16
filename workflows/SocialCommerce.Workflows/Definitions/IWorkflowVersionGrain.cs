using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Definitions;

/// <summary>
/// One frozen version of a definition, keyed <c>{id}@{version}</c> (see <see cref="WorkflowVersionKey"/>). Kept apart from the
/// definition's grain so that the definition's row stays small however many versions pile up, and an instance loads
/// only the version it runs.
/// </summary>
public interface IWorkflowVersionGrain : IGrain
{
    Task FreezeAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default);

    Task<WorkflowDefinition?> GetAsync(CancellationToken cancellationToken = default);
}

public static class WorkflowVersionKey
{
    public static string For(string definitionId, int version) => $"{definitionId}@{version}";
}
