using System.Collections.Concurrent;
using SocialCommerce.Cluster;
using SocialCommerce.Workflows.Definitions;

namespace SocialCommerce.Workflows.Execution;

/// <summary>
/// Plans by definition id and version, built on first use and then shared by every instance of that version on this
/// node: the first run of a version pays for binding and compiling once, later runs pay nothing. A version is frozen,
/// so a cached plan never goes stale.
/// </summary>
public sealed class WorkflowPlanCache(IGrainFactory grains, WorkflowPlanBuilder builder)
{
    private readonly ConcurrentDictionary<(string DefinitionId, int Version), Lazy<Task<WorkflowPlan>>> _plans = new();

    public async Task<WorkflowPlan> GetAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        var key = (definitionId, version);
        var entry = _plans.GetOrAdd(key, k => new Lazy<Task<WorkflowPlan>>(() => BuildAsync(k.DefinitionId, k.Version)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            _plans.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    private async Task<WorkflowPlan> BuildAsync(string definitionId, int version)
    {
        var definition = await grains.Get<IWorkflowVersionGrain>(WorkflowVersionKey.For(definitionId, version)).GetAsync()
            ?? throw new Runtime.WorkflowNotFoundException(definitionId);
        return builder.Build(definition);
    }
}
