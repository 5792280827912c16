using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SocialCommerce.Workflows.Definitions;

/// <summary>
/// The value of one activity input, in JSON exactly one of <c>{"literal": …}</c>, <c>{"variable": "name"}</c> or
/// <c>{"expression": "C# code"}</c>. Literals are resolved once per published version; variables and expressions
/// each time the activity runs.
/// </summary>
public sealed record InputValue
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonNode? Literal { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Variable { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Expression { get; init; }

    [JsonIgnore]
    public InputKind Kind => Expression is not null ? InputKind.Expression : Variable is not null ? InputKind.Variable : InputKind.Literal;

    public static InputValue Of(JsonNode? literal) => new() { Literal = literal };

    public static InputValue FromVariable(string name) => new() { Variable = name };

    public static InputValue FromExpression(string code) => new() { Expression = code };
}

public enum InputKind
{
    Literal,
    Variable,
    Expression,
}
