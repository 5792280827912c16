using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Definitions;

[GrainType("workflowVersion")]
internal sealed class WorkflowVersionGrain(IGrainState<WorkflowVersionState> state) : IWorkflowVersionGrain
{
    public async Task FreezeAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        // Overwriting is safe: only the definition grain freezes, and it names a version as published only after this write.
        state.State.Definition = definition;
        await state.WriteAsync(cancellationToken);
    }

    public Task<WorkflowDefinition?> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Definition);
}

internal sealed class WorkflowVersionState
{
    public WorkflowDefinition? Definition { get; set; }
}
