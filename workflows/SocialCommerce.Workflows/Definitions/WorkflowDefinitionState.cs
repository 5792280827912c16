namespace SocialCommerce.Workflows.Definitions;

internal sealed class WorkflowDefinitionState
{
    public string Name { get; set; } = "";

    public WorkflowDefinition? Draft { get; set; }

    public List<DefinitionVersionInfo> Versions { get; set; } = [];

    public int? PublishedVersion { get; set; }

    public bool Retracted { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int LastVersion => Versions.Count == 0 ? 0 : Versions[^1].Version;
}
