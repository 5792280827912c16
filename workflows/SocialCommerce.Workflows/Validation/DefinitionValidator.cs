using System.Text.Json.Nodes;
using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Activities.Timers;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Plugins.Expressions;
using SocialCommerce.Workflows.Expressions;

namespace SocialCommerce.Workflows.Validation;

/// <summary>
/// Checks a definition on save and on publish: every message names the activity (and input) it is about and says
/// what to do. Expressions are compiled here, and the compiled ones are handed to the plan so nothing compiles twice.
/// </summary>
public sealed class DefinitionValidator(ActivityRegistry registry, IExpressionCompiler expressions)
{
    public DefinitionCheck Validate(WorkflowDefinition definition)
    {
        var errors = new List<ValidationError>();
        var compiled = new Dictionary<(string ActivityId, string Input), CompiledWorkflowExpression>();
        var names = CheckVariables(definition, errors);
        var nodes = new Dictionary<string, (ActivityNode Node, ActivityDescriptor? Descriptor)>(StringComparer.Ordinal);
        foreach (var node in definition.Root.Activities)
        {
            if (string.IsNullOrWhiteSpace(node.Id))
            {
                errors.Add(new(ValidationCodes.InvalidInput, $"An activity of type '{node.Type}' has no id; give every activity a unique id."));
                continue;
            }
            if (nodes.ContainsKey(node.Id))
            {
                errors.Add(new(ValidationCodes.DuplicateId, $"Activity id '{node.Id}' is used twice; activity ids must be unique.", node.Id));
                continue;
            }
            var descriptor = registry.Find(node.Type);
            nodes[node.Id] = (node, descriptor);
            if (descriptor is null)
            {
                errors.Add(new(ValidationCodes.UnknownType, $"Activity '{node.Id}' has unknown type '{node.Type}'; pick one of the activity descriptors.", node.Id));
                continue;
            }
            CheckInputs(node, descriptor, names, errors, compiled);
        }
        CheckConnections(definition.Root.Connections, nodes, errors);
        CheckGraph(definition.Root, nodes, errors);
        return new DefinitionCheck(errors, compiled);
    }

    private static Dictionary<string, Type> CheckVariables(WorkflowDefinition definition, List<ValidationError> errors)
    {
        var names = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var (name, type, fallback) in definition.Variables.Select(v => (v.Name, v.Type, v.Default))
            .Concat(definition.Inputs.Select(i => (i.Name, i.Type, (JsonNode?)null))))
        {
            if (string.IsNullOrWhiteSpace(name) || !names.TryAdd(name, ValueConverter.ClrType(type)))
            {
                errors.Add(new(ValidationCodes.InvalidVariable, $"Variable or input name '{name}' is empty or used twice; names must be unique."));
                continue;
            }
            try
            {
                ValueConverter.FromJson(fallback, type);
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or System.Text.Json.JsonException or OverflowException)
            {
                errors.Add(new(ValidationCodes.InvalidVariable, $"Variable '{name}' has default {fallback?.ToJsonString()}, which is not a {type.ToString().ToLowerInvariant()}."));
            }
        }
        return names;
    }

    private void CheckInputs(ActivityNode node, ActivityDescriptor descriptor, Dictionary<string, Type> names, List<ValidationError> errors,
        Dictionary<(string, string), CompiledWorkflowExpression> compiled)
    {
        foreach (var (name, value) in node.Inputs)
        {
            var input = descriptor.FindInput(name);
            if (input is null)
            {
                errors.Add(new(ValidationCodes.UnknownInput,
                    $"Activity '{node.Id}' ({node.Type}) has no input '{name}'; its inputs are: {string.Join(", ", descriptor.Inputs.Select(i => i.Name))}.", node.Id, name));
                continue;
            }
            if (input.LiteralOnly && value.Kind != InputKind.Literal)
            {
                errors.Add(new(ValidationCodes.InvalidInput, $"Activity '{node.Id}' input '{input.Name}' must be a literal value, not a {value.Kind.ToString().ToLowerInvariant()}.", node.Id, input.Name));
                continue;
            }
            switch (value.Kind)
            {
                case InputKind.Variable when !names.ContainsKey(value.Variable!):
                    errors.Add(new(ValidationCodes.UnknownVariable, $"Activity '{node.Id}' input '{input.Name}' reads variable '{value.Variable}', which the workflow does not declare.", node.Id, input.Name));
                    break;
                case InputKind.Expression:
                    try
                    {
                        compiled[(node.Id, input.Name)] = expressions.Compile(value.Expression!, names.Select(n => new ExpressionVariable(n.Key, n.Value)).ToList(), input.ValueType);
                    }
                    catch (ExpressionCompilationException e)
                    {
                        foreach (var diagnostic in e.Diagnostics.DefaultIfEmpty(new ExpressionDiagnostic(1, 1, e.Message)))
                        {
                            errors.Add(new(ValidationCodes.ExpressionError,
                                $"Activity '{node.Id}' input '{input.Name}': expression error at line {diagnostic.Line}, column {diagnostic.Column}: {diagnostic.Message}",
                                node.Id, input.Name, diagnostic.Line, diagnostic.Column));
                        }
                    }
                    break;
                case InputKind.Literal when value.Literal is not null:
                    try
                    {
                        var literal = ValueConverter.To(value.Literal, input.ValueType);
                        if (input.UiHint == UiHints.Cron && literal is string cron)
                        {
                            CronSchedule.Parse(cron);
                        }
                    }
                    catch (FormatException e) when (input.UiHint == UiHints.Cron)
                    {
                        errors.Add(new(ValidationCodes.InvalidInput, $"Activity '{node.Id}' input '{input.Name}': {e.Message}", node.Id, input.Name));
                    }
                    catch (Exception e) when (e is FormatException or InvalidCastException or System.Text.Json.JsonException or OverflowException or ArgumentException)
                    {
                        errors.Add(new(ValidationCodes.InvalidInput, $"Activity '{node.Id}' input '{input.Name}' is {value.Literal.ToJsonString()}, which is not a valid {input.Type}.", node.Id, input.Name));
                    }
                    break;
            }
        }
        foreach (var input in descriptor.Inputs.Where(i => i.Required))
        {
            var value = node.Inputs.FirstOrDefault(p => string.Equals(p.Key, input.Name, StringComparison.OrdinalIgnoreCase)).Value;
            if (value is null || (value.Kind == InputKind.Literal && IsBlank(value.Literal)))
            {
                errors.Add(new(ValidationCodes.MissingInput, $"Activity '{node.Id}' ({node.Type}) needs input '{input.Name}': {input.Help}", node.Id, input.Name));
            }
        }
    }

    private static bool IsBlank(JsonNode? literal) => literal is null
        || (literal is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>()))
        || (literal is JsonArray { Count: 0 });

    private static void CheckConnections(IReadOnlyList<Connection> connections, Dictionary<string, (ActivityNode Node, ActivityDescriptor? Descriptor)> nodes,
        List<ValidationError> errors)
    {
        foreach (var connection in connections)
        {
            var hasTarget = nodes.ContainsKey(connection.Target);
            if (!nodes.TryGetValue(connection.Source, out var source))
            {
                errors.Add(new(ValidationCodes.DanglingConnection,
                    $"A connection to '{connection.Target}' leaves from activity '{connection.Source}', which does not exist.", hasTarget ? connection.Target : null));
                continue;
            }
            if (!hasTarget)
            {
                errors.Add(new(ValidationCodes.DanglingConnection,
                    $"Activity '{connection.Source}' outcome '{connection.Outcome}' connects to activity '{connection.Target}', which does not exist.", connection.Source));
            }
            if (source.Descriptor is { } descriptor && !OutcomesOf(source.Node, descriptor).Contains(connection.Outcome))
            {
                errors.Add(new(ValidationCodes.DanglingConnection,
                    $"Activity '{connection.Source}' ({descriptor.Type}) has no outcome '{connection.Outcome}'; its outcomes are: {string.Join(", ", OutcomesOf(source.Node, descriptor))}.",
                    connection.Source));
            }
        }
    }

    /// <summary>The declared outcomes plus, for a Switch or Fork, the names listed in its literal input.</summary>
    internal static IReadOnlyList<string> OutcomesOf(ActivityNode node, ActivityDescriptor descriptor)
    {
        if (descriptor.OutcomesFromInput is not { } inputName)
        {
            return descriptor.Outcomes;
        }
        var value = node.Inputs.FirstOrDefault(p => string.Equals(p.Key, inputName, StringComparison.OrdinalIgnoreCase)).Value;
        var extra = value?.Literal is JsonArray array ? array.Select(n => n?.ToString()).OfType<string>() : [];
        return [.. descriptor.Outcomes, .. extra];
    }

    private static void CheckGraph(Flowchart flowchart, Dictionary<string, (ActivityNode Node, ActivityDescriptor? Descriptor)> nodes, List<ValidationError> errors)
    {
        var edges = flowchart.Connections.Where(c => nodes.ContainsKey(c.Source) && nodes.ContainsKey(c.Target)).ToList();
        var targets = edges.Select(c => c.Target).ToHashSet(StringComparer.Ordinal);
        var roots = nodes.Keys.Where(id => !targets.Contains(id)).ToList();
        if (nodes.Count > 0 && roots.Count == 0)
        {
            errors.Add(new(ValidationCodes.NoStart, "The workflow has no start: every activity has an incoming connection. Add a Start or trigger activity with none."));
        }
        else if (roots.Count > 1 && roots.Any(id => nodes[id].Descriptor?.Kind != ActivityKind.Trigger))
        {
            errors.Add(new(ValidationCodes.ManyStarts,
                $"The workflow has {roots.Count} starts ({string.Join(", ", roots.Select(r => $"'{r}'"))}): only trigger activities may start it side by side. Connect the others or remove them.",
                roots.First(id => nodes[id].Descriptor?.Kind != ActivityKind.Trigger)));
        }
        var next = edges.ToLookup(c => c.Source, c => c.Target, StringComparer.Ordinal);
        var reached = new HashSet<string>(roots, StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.TryPop(out var id))
        {
            foreach (var target in next[id])
            {
                if (reached.Add(target))
                {
                    pending.Push(target);
                }
            }
        }
        foreach (var id in nodes.Keys.Where(id => !reached.Contains(id)))
        {
            errors.Add(new(ValidationCodes.Unreachable, $"Activity '{id}' cannot be reached from the start; connect it or remove it.", id));
        }
        foreach (var loop in StronglyConnected(nodes.Keys, next))
        {
            var isLoop = loop.Count > 1 || next[loop[0]].Contains(loop[0]);
            if (isLoop && !loop.Any(id => nodes[id].Descriptor is { } d && (d.BoundsLoops || d.Kind == ActivityKind.Wait)))
            {
                errors.Add(new(ValidationCodes.LoopWithoutWait,
                    $"Activities {string.Join(" → ", loop.Select(id => $"'{id}'"))} form a loop with no waiting activity (Delay, WaitForEvent, …) or ForEach in it; it would run forever in one turn.",
                    loop[0]));
            }
        }
    }

    /// <summary>Tarjan's strongly connected components, iteratively (a drawn flowchart can be deep).</summary>
    private static List<List<string>> StronglyConnected(IEnumerable<string> ids, ILookup<string, string> next)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var result = new List<List<string>>();
        var counter = 0;
        foreach (var root in ids)
        {
            if (index.ContainsKey(root))
            {
                continue;
            }
            var work = new Stack<(string Id, IEnumerator<string> Targets)>();
            Visit(root);
            while (work.Count > 0)
            {
                var (id, targets) = work.Peek();
                if (targets.MoveNext())
                {
                    var target = targets.Current;
                    if (!index.ContainsKey(target))
                    {
                        Visit(target);
                    }
                    else if (onStack.Contains(target))
                    {
                        low[id] = Math.Min(low[id], index[target]);
                    }
                    continue;
                }
                work.Pop();
                if (work.Count > 0)
                {
                    var parent = work.Peek().Id;
                    low[parent] = Math.Min(low[parent], low[id]);
                }
                if (low[id] == index[id])
                {
                    var component = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    } while (member != id);
                    component.Reverse();
                    result.Add(component);
                }
            }

            void Visit(string id)
            {
                index[id] = low[id] = counter++;
                stack.Push(id);
                onStack.Add(id);
                work.Push((id, next[id].GetEnumerator()));
            }
        }
        return result;
    }
}

/// <summary>The validator's verdict, with the expressions it compiled on the way (keyed by activity id and input name).</summary>
public sealed record DefinitionCheck(IReadOnlyList<ValidationError> Errors, IReadOnlyDictionary<(string ActivityId, string Input), CompiledWorkflowExpression> Expressions)
{
    public bool IsValid => Errors.Count == 0;
}
