using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Runtime;

/// <summary>
/// Emitted (through the outbox) when a definition version is published, so that trigger owners — the webhook
/// registry, the event router, the timer schedule — can index the triggers it declares without the engine
/// knowing them.
/// </summary>
[EventName("workflow.definition-published")]
public sealed record WorkflowDefinitionPublished(string DefinitionId, int Version, string Name, IReadOnlyList<PublishedTrigger> Triggers);

/// <param name="Type">Activity type, e.g. <c>WebhookTrigger</c>, <c>EventTrigger</c>, <c>CronTrigger</c>.</param>
/// <param name="Settings">The trigger's literal inputs, e.g. <c>slug</c> for a webhook trigger.</param>
public sealed record PublishedTrigger(string ActivityId, string Type, IReadOnlyDictionary<string, string> Settings);

/// <summary>Emitted when a definition is retracted: its triggers stop starting instances.</summary>
[EventName("workflow.definition-retracted")]
public sealed record WorkflowDefinitionRetracted(string DefinitionId);
