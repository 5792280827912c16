using SocialCommerce.Cluster;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Indexes;
using SocialCommerce.Workflows.Instances;

namespace SocialCommerce.Workflows.Runtime;

/// <summary>
/// <see cref="IWorkflowRuntime"/> on the grains: a start goes to the instance grain of the caller's instance id (so a
/// redelivered start is a no-op there), a resume looks up who waits in the bookmark index and asks each instance grain,
/// which checks the bookmark against its own state before it runs anything (so a stale index entry resumes nothing).
/// </summary>
public sealed class WorkflowRuntime(IGrainFactory grains, WorkflowIndex index) : IWorkflowRuntime
{
    public async Task<WorkflowStarted> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default)
    {
        var version = request.Version
            ?? await grains.Get<IWorkflowDefinitionGrain>(request.DefinitionId).GetPublishedVersionAsync(cancellationToken)
            ?? throw new WorkflowNotFoundException(request.DefinitionId);
        var result = await grains.Get<IWorkflowInstanceGrain>(request.InstanceId).StartAsync(
            new StartInstance(request.DefinitionId, version, request.Input, request.CorrelationId, request.TriggerActivityId), cancellationToken);
        return new WorkflowStarted(request.InstanceId, result.Instance.DefinitionId, result.Instance.Version, result.AlreadyStarted);
    }

    public async Task<WorkflowResumed> ResumeAsync(ResumeWorkflowRequest request, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> candidates;
        if (request.ResumeToken is { } token)
        {
            candidates = await index.FindByTokenAsync(token, cancellationToken) is { } instanceId ? [instanceId] : [];
        }
        else if (request.BookmarkName is { } name)
        {
            candidates = await index.FindWaitingAsync(name, request.CorrelationId, cancellationToken);
        }
        else
        {
            throw new ArgumentException("A resume names a resume token, or a bookmark name (with a correlation value).", nameof(request));
        }
        var stimulus = new InstanceStimulus(request.StimulusId, request.ResumeToken, request.BookmarkName, request.CorrelationId, request.Payload);
        var resumed = new List<string>();
        foreach (var instanceId in candidates)
        {
            if (await grains.Get<IWorkflowInstanceGrain>(instanceId).ResumeAsync(stimulus, cancellationToken))
            {
                resumed.Add(instanceId);
            }
        }
        return new WorkflowResumed(resumed);
    }
}
