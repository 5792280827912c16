using System.Text.Json.Nodes;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Instances;

/// <summary>
/// An instance as stored: one grain row holds its status, variables, bookmarks, journal and what is scheduled next,
/// so that all of them change in the same write and can never disagree.
/// </summary>
public sealed class WorkflowInstanceState
{
    public string DefinitionId { get; set; } = "";

    public int Version { get; set; }

    public WorkflowStatus Status { get; set; }

    public string? CorrelationId { get; set; }

    public Dictionary<string, JsonNode?> Variables { get; set; } = [];

    public JsonObject Input { get; set; } = [];

    public JsonObject Output { get; set; } = [];

    public List<Bookmark> Bookmarks { get; set; } = [];

    public List<JournalEntry> Journal { get; set; } = [];

    public Dictionary<string, JsonNode?> ActivityState { get; set; } = [];

    /// <summary>Activities scheduled but not yet run: empty at rest, except behind an incident.</summary>
    public List<ScheduledActivity> Scheduled { get; set; } = [];

    public Incident? Incident { get; set; }

    /// <summary>The most recent stimulus ids that resumed this instance, so a redelivery is recognised and ignored.</summary>
    public List<string> Stimuli { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed record ScheduledActivity(string ActivityId, string? FromActivityId);
