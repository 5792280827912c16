using System.Text.Json.Nodes;

namespace SocialCommerce.Workflows.Execution;

/// <summary>
/// One instance's working state while it runs in memory: variables in slots, bookmarks, journal, the activities
/// scheduled next. The instance grain turns it into <see cref="WorkflowInstanceState"/> to store it.
/// </summary>
public sealed class WorkflowExecution
{
    private VariableView? _view;
    private JsonObject? _input;
    private JsonObject? _output;
    private Dictionary<string, JsonNode?>? _activityState;
    private List<object>? _emitted;

    public WorkflowExecution(WorkflowPlan plan, string instanceId, JsonObject? input = null, string? correlationId = null)
    {
        Plan = plan;
        InstanceId = instanceId;
        CorrelationId = correlationId;
        Variables = (object?[])plan.Defaults.Clone();
        _input = input;
        Journal = new List<JournalEntry>(plan.Nodes.Length * 2);
        if (input is not null)
        {
            for (var slot = plan.Definition.Variables.Count; slot < plan.SlotNames.Length; slot++)
            {
                if (input.TryGetPropertyValue(plan.SlotNames[slot], out var value))
                {
                    Variables[slot] = ValueConverter.To(value, plan.SlotTypes[slot]);
                }
            }
        }
    }

    public WorkflowPlan Plan { get; }

    public string InstanceId { get; }

    public string? CorrelationId { get; set; }

    public WorkflowStatus Status { get; internal set; } = WorkflowStatus.Running;

    /// <summary>Variable and input values by slot (see <see cref="WorkflowPlan.SlotNames"/>).</summary>
    internal object?[] Variables { get; }

    /// <summary>Variables by name, for expressions and for callers.</summary>
    public IReadOnlyDictionary<string, object?> VariableView => _view ??= new VariableView(this);

    public JsonObject Input => _input ??= [];

    /// <summary>What the instance hands back (an HttpResponse activity's response, values set as output).</summary>
    public JsonObject Output => _output ??= [];

    public List<Bookmark> Bookmarks { get; } = [];

    public List<JournalEntry> Journal { get; }

    /// <summary>Per-activity state that outlives one execution (a ForEach cursor, a Join's arrivals).</summary>
    public Dictionary<string, JsonNode?> ActivityState => _activityState ??= new(StringComparer.Ordinal);

    /// <summary>Domain events the run emitted; the instance grain commits them to the outbox with its state.</summary>
    public List<object> Emitted => _emitted ??= [];

    public Incident? Incident { get; internal set; }

    internal Queue<WorkItem> Scheduled { get; } = new();

    public object? GetVariable(string name) => Plan.SlotsByName.TryGetValue(name, out var slot)
        ? Variables[slot]
        : throw new KeyNotFoundException($"Workflow '{Plan.DefinitionId}' declares no variable or input '{name}'.");

    public void SetVariable(string name, object? value)
    {
        if (!Plan.SlotsByName.TryGetValue(name, out var slot))
        {
            throw new KeyNotFoundException($"Workflow '{Plan.DefinitionId}' declares no variable '{name}'.");
        }
        Variables[slot] = ValueConverter.To(value, Plan.SlotTypes[slot]);
    }
}

/// <summary>An activity scheduled to run, and the activity whose outcome led to it (a Join counts these).</summary>
internal readonly record struct WorkItem(int Node, int From);
