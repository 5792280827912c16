using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Definitions;

/// <summary>Emitted when a draft is saved, so the definitions list shows it.</summary>
[EventName("workflow.definition-saved")]
public sealed record WorkflowDefinitionSaved(string DefinitionId, string Name, int DraftVersion);
