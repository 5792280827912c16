using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Definitions;

namespace SocialCommerce.Workflows.Execution;

/// <summary>
/// A published version made ready to run: activity objects with their inputs bound (literals converted, variables
/// resolved to slots, expressions compiled), connections resolved to node indexes, variable defaults converted.
/// Built once per version and cached, so a run does no compiling, parsing or lookup by name.
/// </summary>
public sealed class WorkflowPlan
{
    internal WorkflowPlan(WorkflowDefinition definition, PlanNode[] nodes, int[] roots, string[] slotNames, Type[] slotTypes, object?[] defaults)
    {
        Definition = definition;
        Nodes = nodes;
        Roots = roots;
        SlotNames = slotNames;
        SlotTypes = slotTypes;
        Defaults = defaults;
        for (var i = 0; i < slotNames.Length; i++)
        {
            SlotsByName[slotNames[i]] = i;
        }
        foreach (var node in nodes)
        {
            NodesById[node.Id] = node;
        }
    }

    public WorkflowDefinition Definition { get; }

    public string DefinitionId => Definition.Id;

    public int Version => Definition.Version;

    internal PlanNode[] Nodes { get; }

    /// <summary>Activities with no incoming connection: the start, or the triggers.</summary>
    internal int[] Roots { get; }

    /// <summary>Variables first, then workflow inputs: both read by name from activities and expressions.</summary>
    internal string[] SlotNames { get; }

    internal Type[] SlotTypes { get; }

    internal object?[] Defaults { get; }

    internal Dictionary<string, int> SlotsByName { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, PlanNode> NodesById { get; } = new(StringComparer.Ordinal);
}

/// <summary>One activity of a plan, with where each of its outcomes leads.</summary>
internal sealed class PlanNode(int index, ActivityNode node, ActivityDescriptor descriptor, Activity activity)
{
    private static readonly int[] None = [];

    public int Index { get; } = index;

    public string Id { get; } = node.Id;

    public string Type { get; } = node.Type;

    public ActivityDescriptor Descriptor { get; } = descriptor;

    public Activity Activity { get; } = activity;

    /// <summary>Targets per outcome; few outcomes per activity, so a small array beats a dictionary.</summary>
    public (string Outcome, int[] Targets)[] Next { get; set; } = [];

    /// <summary>Distinct activities with a connection into this one (none for a root); a Join's <see cref="Upstream"/> is built from them.</summary>
    public int[] Sources { get; set; } = None;

    /// <summary>Every activity with a path into this one (for a Join, its branches); set by the plan builder.</summary>
    public HashSet<int> Upstream { get; set; } = [];

    public int[] TargetsOf(string outcome)
    {
        foreach (var (name, targets) in Next)
        {
            if (ReferenceEquals(name, outcome) || string.Equals(name, outcome, StringComparison.Ordinal))
            {
                return targets;
            }
        }
        return None;
    }
}
