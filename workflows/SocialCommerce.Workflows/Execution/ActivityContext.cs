using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace SocialCommerce.Workflows.Execution;

/// <summary>
/// What an activity sees while it runs: the instance's variables and output, and the two ways to finish — complete
/// with outcomes, or wait on a bookmark. One context serves a whole run (it is re-pointed at each activity), so
/// running an activity allocates nothing for it.
/// </summary>
public sealed class ActivityContext
{
    private string? _outcome;
    private List<string>? _outcomes;

    internal ActivityContext(WorkflowExecution execution, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        Execution = execution;
        Time = time;
        Logger = logger;
        CancellationToken = cancellationToken;
    }

    public WorkflowExecution Execution { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public CancellationToken CancellationToken { get; }

    public string ActivityId => Node.Id;

    public string InstanceId => Execution.InstanceId;

    internal PlanNode Node { get; set; } = null!;

    /// <summary>The activity whose outcome scheduled this one (-1 at the start).</summary>
    internal int From { get; set; }

    /// <summary>The id of the activity whose outcome scheduled this one; null at the start.</summary>
    public string? FromActivityId => From < 0 ? null : Execution.Plan.Nodes[From].Id;

    internal bool Suspended { get; private set; }

    public void Complete(string outcome)
    {
        if (_outcome is null)
        {
            _outcome = outcome;
        }
        else
        {
            (_outcomes ??= [_outcome]).Add(outcome);
        }
    }

    public void Complete(IEnumerable<string> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            Complete(outcome);
        }
    }

    /// <summary>Suspends this activity until the bookmark is resumed (by name + correlation, by token, or by its due time).</summary>
    public Bookmark CreateBookmark(string name, string? correlationId = null, DateTimeOffset? dueAt = null, JsonNode? data = null)
    {
        var bookmark = new Bookmark(Guid.NewGuid().ToString("N"), name, correlationId, Node.Id, dueAt, data);
        Execution.Bookmarks.Add(bookmark);
        Suspended = true;
        return bookmark;
    }

    /// <summary>True while an activity upstream of this one is still scheduled or waiting on a bookmark.</summary>
    public bool UpstreamPending
    {
        get
        {
            var upstream = Node.Upstream;
            var plan = Execution.Plan;
            return Execution.Scheduled.Any(w => upstream.Contains(w.Node))
                || Execution.Bookmarks.Any(b => upstream.Contains(plan.NodesById[b.ActivityId].Index));
        }
    }

    /// <summary>
    /// Stops what still runs upstream of this activity — the other branches a Join (any) no longer waits for: their
    /// bookmarks are dropped and their scheduled activities skipped.
    /// </summary>
    public void CancelUpstream()
    {
        var upstream = Node.Upstream;
        var plan = Execution.Plan;
        Execution.Bookmarks.RemoveAll(b => upstream.Contains(plan.NodesById[b.ActivityId].Index));
        DropScheduled(w => upstream.Contains(w.Node));
    }

    /// <summary>Drops arrivals at this activity that are already queued (a Join that completed does not run again for them).</summary>
    public void DropQueuedArrivals() => DropScheduled(w => w.Node == Node.Index);

    private void DropScheduled(Func<WorkItem, bool> drop)
    {
        var keep = Execution.Scheduled.Where(w => !drop(w)).ToList();
        Execution.Scheduled.Clear();
        foreach (var item in keep)
        {
            Execution.Scheduled.Enqueue(item);
        }
    }

    public object? GetVariable(string name) => Execution.GetVariable(name);

    public void SetVariable(string name, object? value) => Execution.SetVariable(name, value);

    public void SetOutput(string name, JsonNode? value) => Execution.Output[name] = value;

    /// <summary>Queues a domain event; it reaches the outbox in the same write as the instance's state.</summary>
    public void Emit(object domainEvent) => Execution.Emitted.Add(domainEvent);

    public JsonNode? GetState() => Execution.ActivityState.GetValueOrDefault(Node.Id);

    public void SetState(JsonNode? state)
    {
        if (state is null)
        {
            Execution.ActivityState.Remove(Node.Id);
        }
        else
        {
            Execution.ActivityState[Node.Id] = state;
        }
    }

    internal void Reset(PlanNode node, int from)
    {
        Node = node;
        From = from;
        _outcome = null;
        _outcomes = null;
        Suspended = false;
    }

    internal string? SingleOutcome => _outcomes is null ? _outcome : null;

    internal IReadOnlyList<string>? ManyOutcomes => _outcomes;

    internal string? OutcomeText => _outcomes is null ? _outcome : string.Join(",", _outcomes);
}
