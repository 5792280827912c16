using SocialCommerce.Cluster;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Indexes;
using SocialCommerce.Workflows.Instances;

namespace SocialCommerce.Workflows.Services;

/// <summary>What the REST API does with instances: list with filters and paging, get, journal, cancel, retry.</summary>
public sealed class WorkflowInstanceService(IGrainFactory grains, WorkflowIndex index)
{
    public Task<Page<InstanceSummary>> ListAsync(InstanceFilter filter, int offset, int limit, CancellationToken cancellationToken = default) =>
        index.ListInstancesAsync(filter, offset, limit, cancellationToken);

    public Task<WorkflowInstanceView?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Instance(instanceId).GetAsync(cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId, int offset, int limit, CancellationToken cancellationToken = default) =>
        Instance(instanceId).GetJournalAsync(offset, limit, cancellationToken);

    public Task<WorkflowInstanceView?> CancelAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Instance(instanceId).CancelAsync(cancellationToken);

    public Task<WorkflowInstanceView?> RetryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Instance(instanceId).RetryAsync(cancellationToken);

    private IWorkflowInstanceGrain Instance(string instanceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return grains.Get<IWorkflowInstanceGrain>(instanceId);
    }
}
