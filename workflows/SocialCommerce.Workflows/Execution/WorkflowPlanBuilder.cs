using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Expressions;
using SocialCommerce.Workflows.Validation;

namespace SocialCommerce.Workflows.Execution;

/// <summary>Validates a definition and turns it into a <see cref="WorkflowPlan"/>; the only place inputs are bound.</summary>
public sealed class WorkflowPlanBuilder(ActivityRegistry registry, DefinitionValidator validator, IServiceProvider services)
{
    private static readonly MethodInfo BindMethod = typeof(WorkflowPlanBuilder).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <exception cref="WorkflowValidationException">The definition is not valid.</exception>
    public WorkflowPlan Build(WorkflowDefinition definition)
    {
        var check = validator.Validate(definition);
        if (!check.IsValid)
        {
            throw new WorkflowValidationException(definition.Id, check.Errors);
        }
        var slotNames = definition.Variables.Select(v => v.Name).Concat(definition.Inputs.Select(i => i.Name)).ToArray();
        var slotTypes = definition.Variables.Select(v => v.Type).Concat(definition.Inputs.Select(i => i.Type)).Select(ValueConverter.ClrType).ToArray();
        var defaults = definition.Variables.Select(v => ValueConverter.FromJson(v.Default, v.Type))
            .Concat(definition.Inputs.Select(i => ValueConverter.FromJson(null, i.Type))).ToArray();
        var slots = slotNames.Select((name, slot) => (name, slot)).ToDictionary(p => p.name, p => p.slot, StringComparer.Ordinal);

        var nodes = new PlanNode[definition.Root.Activities.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = definition.Root.Activities[i];
            var descriptor = registry.Find(node.Type)!;
            var activity = (Activity)ActivatorUtilities.CreateInstance(services, descriptor.ClrType);
            foreach (var (name, value) in node.Inputs)
            {
                var input = descriptor.FindInput(name)!;
                var bound = BindMethod.MakeGenericMethod(input.ValueType)
                    .Invoke(null, [value, slots, check.Expressions.GetValueOrDefault((node.Id, input.Name))]);
                input.Property.SetValue(activity, bound);
            }
            nodes[i] = new PlanNode(i, node, descriptor, activity);
        }
        var index = nodes.ToDictionary(n => n.Id, n => n.Index, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var outgoing = definition.Root.Connections.Where(c => c.Source == node.Id).ToList();
            node.Next = outgoing.GroupBy(c => c.Outcome, StringComparer.Ordinal)
                .Select(g => (string.Intern(g.Key), g.Select(c => index[c.Target]).ToArray())).ToArray();
            node.Sources = definition.Root.Connections.Where(c => c.Target == node.Id).Select(c => index[c.Source]).Distinct().ToArray();
        }
        foreach (var node in nodes.Where(n => n.Descriptor.ClrType == typeof(Activities.ControlFlow.Join)))
        {
            node.Upstream = UpstreamOf(nodes, node);
        }
        var roots = nodes.Where(n => n.Sources.Length == 0).Select(n => n.Index).ToArray();
        return new WorkflowPlan(definition, nodes, roots, slotNames, slotTypes, defaults);
    }

    private static HashSet<int> UpstreamOf(PlanNode[] nodes, PlanNode node)
    {
        var upstream = new HashSet<int>();
        var pending = new Stack<int>(node.Sources);
        while (pending.TryPop(out var index))
        {
            if (upstream.Add(index))
            {
                foreach (var source in nodes[index].Sources)
                {
                    pending.Push(source);
                }
            }
        }
        upstream.Remove(node.Index);
        return upstream;
    }

    private static Input<T> Bind<T>(InputValue value, Dictionary<string, int> slots, CompiledWorkflowExpression? expression) => value.Kind switch
    {
        InputKind.Variable => new Input<T>(slots[value.Variable!]),
        InputKind.Expression => new Input<T>(expression!),
        _ => new Input<T>(ValueConverter.To<T>(value.Literal)),
    };
}
