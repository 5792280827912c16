using System.Text.Json.Nodes;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Tests.Support;

namespace SocialCommerce.Workflows.Tests.Definitions;

public sealed class DefinitionJsonTests
{
    [Fact]
    public void Definition_RoundTripsThroughCamelCaseJson()
    {
        var json = """
            {
              "id": "welcome", "name": "Welcome", "version": 3, "status": "published",
              "variables": [ { "name": "count", "type": "int", "default": 2 } ],
              "inputs": [ { "name": "promoterId", "type": "string", "required": true } ],
              "root": {
                "activities": [
                  { "id": "start", "type": "Start", "position": { "x": 10, "y": 20 } },
                  { "id": "log", "type": "Log", "displayName": "Say hi",
                    "inputs": { "message": { "expression": "\"hi \" + promoterId" }, "level": { "literal": "warning" } } },
                  { "id": "set", "type": "SetVariable", "inputs": { "variable": { "literal": "count" }, "value": { "variable": "count" } } }
                ],
                "connections": [ { "source": "start", "outcome": "Done", "target": "log" }, { "source": "log", "outcome": "Done", "target": "set" } ]
              }
            }
            """;

        var definition = WorkflowJson.Parse(json);
        var again = WorkflowJson.Parse(WorkflowJson.Write(definition));

        Assert.Equal(DefinitionStatus.Published, again.Status);
        Assert.Equal(VariableType.Int, again.Variables[0].Type);
        Assert.Equal(InputKind.Expression, again.Root.Activities[1].Inputs["message"].Kind);
        Assert.Equal(InputKind.Variable, again.Root.Activities[2].Inputs["value"].Kind);
        Assert.Equal("warning", again.Root.Activities[1].Inputs["level"].Literal!.GetValue<string>());
        Assert.Equal(new Position(10, 20), again.Root.Activities[0].Position);
        Assert.Equal(new Connection("log", "Done", "set"), again.Root.Connections[1]);
        Assert.Contains("\"displayName\":\"Say hi\"", WorkflowJson.Write(definition));
    }

    [Fact]
    public void InputValue_WritesOnlyItsKind()
    {
        var json = WorkflowJson.Write(Flow.Define([Flow.Node("start", "Start", Flow.Variable("x", "v"))], []));

        var inputs = JsonNode.Parse(json)!["root"]!["activities"]![0]!["inputs"]!["x"]!.AsObject();
        Assert.Equal(["variable"], inputs.Select(p => p.Key));
    }
}
