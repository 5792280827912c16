using SocialCommerce.Cluster;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Indexes;

namespace SocialCommerce.Workflows.Services;

/// <summary>What the REST API does with definitions: save drafts, read, list, publish, retract, versions, export and import.</summary>
public sealed class WorkflowDefinitionService(IGrainFactory grains, WorkflowIndex index)
{
    public Task<DraftSaved> SaveDraftAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default) =>
        Definition(definition.Id).SaveDraftAsync(definition, cancellationToken);

    /// <summary>A version, or (without one) the draft if there is one, else the latest version.</summary>
    public Task<WorkflowDefinition?> GetAsync(string definitionId, int? version = null, CancellationToken cancellationToken = default) => version is { } v
        ? grains.Get<IWorkflowVersionGrain>(WorkflowVersionKey.For(definitionId, v)).GetAsync(cancellationToken)
        : Definition(definitionId).GetLatestAsync(cancellationToken);

    public Task<DefinitionSummary?> GetSummaryAsync(string definitionId, CancellationToken cancellationToken = default) =>
        Definition(definitionId).GetSummaryAsync(cancellationToken);

    public Task<Page<DefinitionListItem>> ListAsync(int offset, int limit, CancellationToken cancellationToken = default) =>
        index.ListDefinitionsAsync(offset, limit, cancellationToken);

    public Task<WorkflowDefinition> PublishAsync(string definitionId, CancellationToken cancellationToken = default) =>
        Definition(definitionId).PublishAsync(cancellationToken);

    public Task RetractAsync(string definitionId, CancellationToken cancellationToken = default) => Definition(definitionId).RetractAsync(cancellationToken);

    /// <summary>
    /// Deletes the definition unless instances of it are still running, suspended or faulted (cancel them or let them
    /// finish first). The check reads the instance index, which follows the instances by a moment.
    /// </summary>
    /// <exception cref="WorkflowDefinitionInUseException">Instances of the definition have not ended.</exception>
    public async Task<bool> DeleteAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var grain = Definition(definitionId);
        if (await index.CountActiveInstancesAsync(definitionId, cancellationToken) is var active and > 0)
        {
            throw new WorkflowDefinitionInUseException(definitionId, active);
        }
        return await grain.DeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DefinitionVersionInfo>> VersionsAsync(string definitionId, CancellationToken cancellationToken = default) =>
        (await Definition(definitionId).GetSummaryAsync(cancellationToken))?.Versions ?? [];

    public async Task<string?> ExportAsync(string definitionId, int? version = null, CancellationToken cancellationToken = default) =>
        await GetAsync(definitionId, version, cancellationToken) is { } definition ? WorkflowJson.Write(definition, indented: true) : null;

    /// <summary>Imports exported JSON as the draft of its id (or of <paramref name="asDefinitionId"/>, to clone a template).</summary>
    public Task<DraftSaved> ImportAsync(string json, string? asDefinitionId = null, CancellationToken cancellationToken = default)
    {
        var definition = WorkflowJson.Parse(json);
        return SaveDraftAsync(asDefinitionId is null ? definition : definition with { Id = asDefinitionId }, cancellationToken);
    }

    private IWorkflowDefinitionGrain Definition(string definitionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(definitionId);
        return grains.Get<IWorkflowDefinitionGrain>(definitionId);
    }
}

public sealed class WorkflowDefinitionInUseException(string definitionId, int activeInstances)
    : Exception($"Workflow definition '{definitionId}' has {activeInstances} instance(s) still running, suspended or faulted; cancel them or let them finish, then delete it.")
{
    public string DefinitionId { get; } = definitionId;

    public int ActiveInstances { get; } = activeInstances;
}
