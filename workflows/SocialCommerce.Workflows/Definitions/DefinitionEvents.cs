using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Definitions;

/// <summary>Emitted when a draft is saved, so the definitions list shows it.</summary>
[EventName("workflow.definition-saved")]
public sealed record WorkflowDefinitionSaved(string DefinitionId, string Name, int DraftVersion);

/// <summary>Emitted when a definition is deleted, so the definitions list drops it (its triggers were retracted in the same turn).</summary>
[EventName("workflow.definition-deleted")]
public sealed record WorkflowDefinitionDeleted(string DefinitionId);
