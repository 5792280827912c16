using System.Text.Json.Nodes;

namespace SocialCommerce.Workflows.Runtime;

/// <param name="InstanceId">Chosen by the caller so that a redelivered request maps to the same instance.</param>
/// <param name="TriggerActivityId">The trigger activity that fired (a webhook or event trigger), if any.</param>
public sealed record StartWorkflowRequest(
    string DefinitionId,
    string InstanceId,
    JsonObject? Input = null,
    string? CorrelationId = null,
    int? Version = null,
    string? TriggerActivityId = null);

public sealed record WorkflowStarted(string InstanceId, string DefinitionId, int Version, bool AlreadyStarted);

/// <param name="StimulusId">Identifies the delivery (webhook id, event id); the same one never resumes twice.</param>
/// <param name="ResumeToken">The token of one bookmark, as handed out when the instance started waiting.</param>
/// <param name="BookmarkName">With <paramref name="CorrelationId"/>: every instance waiting on that name and value.</param>
public sealed record ResumeWorkflowRequest(
    string StimulusId,
    string? ResumeToken = null,
    string? BookmarkName = null,
    string? CorrelationId = null,
    JsonObject? Payload = null);

public sealed record WorkflowResumed(IReadOnlyList<string> InstanceIds);

/// <summary>The bookmark a <c>WaitForWebhook</c> activity waits on, so that <c>/hooks/{slug}</c> can resume it.</summary>
public static class WebhookBookmarks
{
    public static string NameFor(string slug) => $"webhook:{slug}";
}

public sealed class WorkflowNotFoundException(string definitionId)
    : Exception($"No published version of workflow definition '{definitionId}' exists; publish it first.")
{
    public string DefinitionId { get; } = definitionId;
}
