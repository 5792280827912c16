using System.Diagnostics.CodeAnalysis;

namespace SocialCommerce.Workflows.Execution;

/// <summary>A read-only dictionary over an execution's variable slots, so expressions read names without copying.</summary>
internal sealed class VariableView(WorkflowExecution execution) : IReadOnlyDictionary<string, object?>
{
    private WorkflowPlan Plan => execution.Plan;

    public object? this[string key] => execution.GetVariable(key);

    public IEnumerable<string> Keys => Plan.SlotNames;

    public IEnumerable<object?> Values => execution.Variables;

    public int Count => Plan.SlotNames.Length;

    public bool ContainsKey(string key) => Plan.SlotsByName.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (Plan.SlotsByName.TryGetValue(key, out var slot))
        {
            value = execution.Variables[slot];
            return true;
        }
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Plan.SlotNames.Length; i++)
        {
            yield return new(Plan.SlotNames[i], execution.Variables[i]);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
