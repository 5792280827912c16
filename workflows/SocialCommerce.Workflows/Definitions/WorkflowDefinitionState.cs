namespace SocialCommerce.Workflows.Definitions;

internal sealed class WorkflowDefinitionState
{
    public string Name { get; set; } = "";

    public WorkflowDefinition? Draft { get; set; }

    public List<DefinitionVersionInfo> Versions { get; set; } = [];

    public int? PublishedVersion { get; set; }

    public bool Retracted { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// The last version number used before a delete: a definition saved again under a deleted id numbers its versions
    /// after the old ones, so no frozen version an old instance ran on is ever overwritten.
    /// </summary>
    public int DeletedAfterVersion { get; set; }

    public bool Deleted { get; set; }

    public int LastVersion => Versions.Count == 0 ? DeletedAfterVersion : Versions[^1].Version;
}
