using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Validation;
using static SocialCommerce.Workflows.Tests.Support.Flow;

namespace SocialCommerce.Workflows.Tests.Definitions;

public sealed class ValidationTests
{
    private readonly Support.WorkflowEngine _engine = new();

    [Fact]
    public void ValidSequence_HasNoErrors() => Assert.Empty(_engine.Validate(Sequence(10)));

    [Fact]
    public void UnknownType_NamesActivityAndType()
    {
        var error = Assert.Single(_engine.Validate(Define([Node("start", "Start"), Node("x", "Teleport")], [Done("start", "x")])));

        Assert.Equal(ValidationCodes.UnknownType, error.Code);
        Assert.Equal("x", error.ActivityId);
        Assert.Contains("'Teleport'", error.Message);
    }

    [Fact]
    public void ConnectionToMissingActivity_IsDangling()
    {
        var error = Assert.Single(_engine.Validate(Define([Node("start", "Start")], [Done("start", "ghost")])));

        Assert.Equal(ValidationCodes.DanglingConnection, error.Code);
        Assert.Equal("start", error.ActivityId);
        Assert.Contains("'ghost'", error.Message);
    }

    [Fact]
    public void ConnectionFromUndeclaredOutcome_IsDanglingAndListsTheOutcomes()
    {
        var definition = Define([Node("start", "Start"), Node("if", "If", Literal("condition", true)), Node("end", "End")],
            [Done("start", "if"), new Connection("if", "Maybe", "end")]);

        var error = Assert.Single(_engine.Validate(definition));

        Assert.Equal(ValidationCodes.DanglingConnection, error.Code);
        Assert.Equal("if", error.ActivityId);
        Assert.Contains("no outcome 'Maybe'", error.Message);
        Assert.Contains("True, False", error.Message);
    }

    [Fact]
    public void SwitchCases_AreOutcomes()
    {
        var definition = Define([Node("start", "Start"), Node("sw", "Switch", Literal("value", "a"), Literal("cases", new System.Text.Json.Nodes.JsonArray("a", "b"))),
            Node("end", "End")], [Done("start", "sw"), new Connection("sw", "b", "end")]);

        Assert.Empty(_engine.Validate(definition));
    }

    [Fact]
    public void ActivityWithoutPathFromStart_IsUnreachable()
    {
        var definition = Define([Node("start", "Start"), Node("a", "End"), Node("b", "Delay", Literal("duration", "00:01:00")), Node("c", "End")],
            [Done("start", "a"), Done("b", "c"), Done("c", "b")]);

        var errors = _engine.Validate(definition);

        Assert.Contains(errors, e => e.Code == ValidationCodes.Unreachable && e.ActivityId == "b");
        Assert.Contains(errors, e => e.Code == ValidationCodes.Unreachable && e.ActivityId == "c");
    }

    [Fact]
    public void RequiredInputMissing_NamesActivityAndInput()
    {
        var error = Assert.Single(_engine.Validate(Define([Node("start", "Start"), Node("wait", "Delay")], [Done("start", "wait")])));

        Assert.Equal(ValidationCodes.MissingInput, error.Code);
        Assert.Equal(("wait", "duration"), (error.ActivityId, error.Input));
    }

    [Fact]
    public void LiteralOfWrongType_IsInvalid()
    {
        var error = Assert.Single(_engine.Validate(Define([Node("start", "Start"), Node("wait", "Delay", Literal("duration", "soon"))], [Done("start", "wait")])));

        Assert.Equal(ValidationCodes.InvalidInput, error.Code);
        Assert.Equal(("wait", "duration"), (error.ActivityId, error.Input));
    }

    [Fact]
    public void UndeclaredVariable_IsReported()
    {
        var error = Assert.Single(_engine.Validate(Define([Node("start", "Start"), Node("log", "Log", Variable("message", "nope"))], [Done("start", "log")])));

        Assert.Equal(ValidationCodes.UnknownVariable, error.Code);
        Assert.Equal(("log", "message"), (error.ActivityId, error.Input));
    }

    [Fact]
    public void ExpressionError_CarriesLineAndColumn()
    {
        var definition = Define([Node("start", "Start"), Node("log", "Log", ("message", InputValue.FromExpression("1 +")))], [Done("start", "log")]);

        var error = Assert.Single(_engine.Validate(definition));

        Assert.Equal(ValidationCodes.ExpressionError, error.Code);
        Assert.Equal(("log", "message"), (error.ActivityId, error.Input));
        Assert.NotNull(error.Line);
        Assert.NotNull(error.Column);
        Assert.Contains($"line {error.Line}, column {error.Column}", error.Message);
    }

    [Fact]
    public void ExpressionError_PointsAtTheLineAndColumnInTheCode()
    {
        var definition = Define([Node("start", "Start"), Node("check", "If", ("condition", InputValue.FromExpression("counter > 1 &&\n  counter.Lenght > 0")))],
            [Done("start", "check")], new VariableDefinition("counter", VariableType.Int));

        var error = Assert.Single(_engine.Validate(definition));

        Assert.Equal((2, 11), (error.Line, error.Column));
        Assert.Contains("Lenght", error.Message);
    }

    [Fact]
    public void ValidExpression_HasNoErrors()
    {
        var definition = Define([Node("start", "Start"), Node("check", "If", ("condition", InputValue.FromExpression("counter > 1")))],
            [Done("start", "check")], new VariableDefinition("counter", VariableType.Int));

        Assert.Empty(_engine.Validate(definition));
    }

    [Fact]
    public void LoopWithoutWait_IsRefused()
    {
        var definition = Define([Node("start", "Start"), Node("a", "Log", Literal("message", "a")), Node("b", "Log", Literal("message", "b"))],
            [Done("start", "a"), Done("a", "b"), Done("b", "a")]);

        var error = Assert.Single(_engine.Validate(definition));

        Assert.Equal(ValidationCodes.LoopWithoutWait, error.Code);
        Assert.Contains("'a' → 'b'", error.Message);
    }

    [Fact]
    public void LoopThroughDelay_IsAllowed()
    {
        var definition = Define([Node("start", "Start"), Node("a", "Log", Literal("message", "a")), Node("wait", "Delay", Literal("duration", "01:00:00"))],
            [Done("start", "a"), Done("a", "wait"), Done("wait", "a")]);

        Assert.Empty(_engine.Validate(definition));
    }

    [Fact]
    public void EveryActivityWithIncomingConnection_HasNoStart()
    {
        var definition = Define([Node("a", "Delay", Literal("duration", "01:00:00")), Node("b", "Delay", Literal("duration", "01:00:00"))], [Done("a", "b"), Done("b", "a")]);

        Assert.Contains(_engine.Validate(definition), e => e.Code == ValidationCodes.NoStart);
    }

    [Fact]
    public void TwoUnconnectedActions_AreManyStarts()
    {
        var error = Assert.Single(_engine.Validate(Define([Node("start", "Start"), Node("other", "Start")], [])));

        Assert.Equal(ValidationCodes.ManyStarts, error.Code);
    }

    [Fact]
    public void SeveralTriggers_MayStartSideBySide()
    {
        var definition = Define([Node("hook", "WebhookTrigger", Literal("slug", "order-paid")), Node("event", "EventTrigger", Literal("eventName", "order.paid")),
            Node("end", "End")], [Done("hook", "end"), Done("event", "end")]);

        Assert.Empty(_engine.Validate(definition));
    }
}
