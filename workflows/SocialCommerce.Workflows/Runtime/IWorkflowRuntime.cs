namespace SocialCommerce.Workflows.Runtime;

/// <summary>
/// The engine's front door for whatever starts or resumes workflows from outside: webhooks, domain events, the
/// REST API. Both calls are idempotent, because every caller delivers at least once: starting the same
/// <see cref="StartWorkflowRequest.InstanceId"/> twice runs nothing the second time, and resuming with the same
/// <see cref="ResumeWorkflowRequest.StimulusId"/> twice resumes once.
/// </summary>
public interface IWorkflowRuntime
{
    /// <summary>
    /// Starts an instance of a published definition (its latest published version unless one is named) and runs it
    /// until it finishes or waits on a bookmark.
    /// </summary>
    /// <exception cref="WorkflowNotFoundException">No published version of the definition exists.</exception>
    Task<WorkflowStarted> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resumes the instances waiting on a bookmark, found by its resume token or by bookmark name and correlation
    /// value. Resuming nothing (no instance waits) is not an error: the result lists no instance.
    /// </summary>
    Task<WorkflowResumed> ResumeAsync(ResumeWorkflowRequest request, CancellationToken cancellationToken = default);
}
