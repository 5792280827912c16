using System.Text.Json.Nodes;
using SocialCommerce.Workflows.Definitions;

namespace SocialCommerce.Workflows.Tests.Support;

/// <summary>Short ways to write definitions in tests.</summary>
public static class Flow
{
    public static ActivityNode Node(string id, string type, params (string Name, InputValue Value)[] inputs) =>
        new() { Id = id, Type = type, Inputs = inputs.ToDictionary(i => i.Name, i => i.Value) };

    public static (string, InputValue) Literal(string name, JsonNode? value) => (name, InputValue.Of(value));

    public static (string, InputValue) Variable(string name, string variable) => (name, InputValue.FromVariable(variable));

    public static Connection Done(string source, string target) => new(source, "Done", target);

    public static WorkflowDefinition Define(IEnumerable<ActivityNode> activities, IEnumerable<Connection> connections, params VariableDefinition[] variables) => new()
    {
        Id = "test-flow",
        Name = "Test flow",
        Variables = variables,
        Root = new Flowchart { Activities = activities.ToList(), Connections = connections.ToList() },
    };

    /// <summary>Start, then <paramref name="count"/> SetVariable steps adding up a counter, one after another.</summary>
    public static WorkflowDefinition Sequence(int count)
    {
        var nodes = new List<ActivityNode> { Node("start", "Start") };
        var connections = new List<Connection>();
        for (var i = 1; i <= count; i++)
        {
            nodes.Add(Node($"step{i}", "SetVariable", Literal("variable", "counter"), Literal("value", i)));
            connections.Add(Done(i == 1 ? "start" : $"step{i - 1}", $"step{i}"));
        }
        return Define(nodes, connections, new VariableDefinition("counter", VariableType.Int));
    }
}
