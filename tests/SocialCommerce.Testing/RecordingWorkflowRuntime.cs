using System.Collections.Concurrent;
using SocialCommerce.Workflows.Runtime;

namespace SocialCommerce.Testing;

/// <summary>
/// An engine double (not a storage double): records every start and resume it is asked for and answers as the
/// contract says — a repeated instance id is AlreadyStarted, a repeated stimulus resumes nothing. Waiting
/// instances are declared with <see cref="Wait"/>. For tests of what the webhook engine asks of the runtime, without
/// running a workflow; tests of workflows themselves use the real engine.
/// </summary>
public sealed class RecordingWorkflowRuntime : IWorkflowRuntime
{
    private readonly ConcurrentDictionary<string, byte> _stimuli = new();
    private readonly ConcurrentDictionary<string, (string? Token, string? Bookmark, string? Correlation)> _waiting = new();

    public ConcurrentQueue<StartWorkflowRequest> Starts { get; } = new();

    public ConcurrentQueue<ResumeWorkflowRequest> Resumes { get; } = new();

    public ConcurrentDictionary<string, string> Started { get; } = new();

    public HashSet<string> PublishedDefinitions { get; } = ["onboarding"];

    public void Wait(string instanceId, string? token = null, string? bookmark = null, string? correlation = null) =>
        _waiting[instanceId] = (token, bookmark, correlation);

    public Task<WorkflowStarted> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default)
    {
        Starts.Enqueue(request);
        if (!PublishedDefinitions.Contains(request.DefinitionId))
        {
            throw new WorkflowNotFoundException(request.DefinitionId);
        }
        var already = !Started.TryAdd(request.InstanceId, request.DefinitionId);
        return Task.FromResult(new WorkflowStarted(request.InstanceId, request.DefinitionId, 1, already));
    }

    public Task<WorkflowResumed> ResumeAsync(ResumeWorkflowRequest request, CancellationToken cancellationToken = default)
    {
        Resumes.Enqueue(request);
        if (!_stimuli.TryAdd(request.StimulusId, 0))
        {
            return Task.FromResult(new WorkflowResumed([]));
        }
        var matched = _waiting
            .Where(w => request.ResumeToken is not null
                ? w.Value.Token == request.ResumeToken
                : w.Value.Bookmark == request.BookmarkName && w.Value.Correlation == request.CorrelationId)
            .Select(w => w.Key).Order().ToArray();
        return Task.FromResult(new WorkflowResumed(matched));
    }
}
