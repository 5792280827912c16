using SocialCommerce.Plugins.Expressions;
using SocialCommerce.Plugins.Sandbox;

namespace SocialCommerce.Plugins.Tests.Expressions;

public sealed class ExpressionCompilerTests
{
    private static readonly ExpressionVariable[] OrderVariables =
        [new("Amount", typeof(long)), new("Region", typeof(string))];

    private readonly ExpressionCompiler _compiler = new();

    [Fact]
    public void Expression_ReadsVariablesByName_AndEvaluates()
    {
        var expression = _compiler.Compile("Amount > 100 && Region == \"east\"", OrderVariables, typeof(bool));

        Assert.Equal(true, expression.Evaluate(new Dictionary<string, object?> { ["Amount"] = 150L, ["Region"] = "east" }));
        Assert.Equal(false, expression.Evaluate(new Dictionary<string, object?> { ["Amount"] = 150L, ["Region"] = "west" }));
        Assert.Equal(typeof(bool), expression.ResultType);
    }

    [Fact]
    public void MissingVariable_ReadsAsDefault()
    {
        var expression = _compiler.Compile("Region == null && Amount == 0", OrderVariables, typeof(bool));

        Assert.Equal(true, expression.Evaluate(new Dictionary<string, object?>()));
    }

    [Fact]
    public void NumericValueOfAnotherType_IsConverted()
    {
        var expression = _compiler.Compile("Amount * 2", OrderVariables, typeof(long));

        Assert.Equal(300L, expression.Evaluate(new Dictionary<string, object?> { ["Amount"] = 150 }));
    }

    [Fact]
    public void StatementBody_ReturnsItsValue()
    {
        const string code = """
            var total = 0L;
            for (var i = 1; i <= Amount; i++) { total += i; }
            return total;
            """;
        var expression = _compiler.Compile(code, OrderVariables, typeof(long));

        Assert.Equal(55L, expression.Evaluate(new Dictionary<string, object?> { ["Amount"] = 10L }));
    }

    [Fact]
    public void SameCodeAndVariables_ReturnsTheCachedExpression()
    {
        var first = _compiler.Compile("Amount + 1", OrderVariables, typeof(long));
        var second = _compiler.Compile("Amount + 1", OrderVariables, typeof(long));
        var otherResult = _compiler.Compile("Amount + 1", OrderVariables, typeof(decimal));

        Assert.Same(first, second);
        Assert.NotSame(first, otherResult);
    }

    [Fact]
    public void SyntaxError_ReportsLineAndColumnInTheUsersCode()
    {
        const string code = """
            var x = Amount;
            return x +* 2;
            """;

        var error = Assert.Throws<ScriptCompilationException>(() => _compiler.Compile(code, OrderVariables, typeof(long)));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(2, diagnostic.Line);
        Assert.Equal(11, diagnostic.Column);
        Assert.Contains("(2,11)", error.Message);
    }

    [Fact]
    public void UnknownName_ReportsWhereItIs()
    {
        var error = Assert.Throws<ScriptCompilationException>(() => _compiler.Compile("Amount > Limit", OrderVariables, typeof(bool)));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("CS0103", diagnostic.Id);
        Assert.Equal((1, 10), (diagnostic.Line, diagnostic.Column));
        Assert.Contains("Limit", diagnostic.Message);
    }

    [Fact]
    public void WrongResultType_IsACompileError()
    {
        var error = Assert.Throws<ScriptCompilationException>(() => _compiler.Compile("Region", OrderVariables, typeof(long)));

        Assert.Contains(error.Diagnostics, d => d.Id == "CS0029");
    }

    [Fact]
    public void ForbiddenApi_IsRefusedAtCompileTime()
    {
        var error = Assert.Throws<ScriptCompilationException>(
            () => _compiler.Compile("System.IO.File.ReadAllText(\"/etc/passwd\")", [], typeof(string)));

        Assert.Contains(error.Diagnostics, d => d.Id == "SC1001" && d.Message.Contains("file access") && d.Line == 1);
    }

    [Fact]
    public void EndlessLoopInStatementBody_StopsWithTheBudgetMessage()
    {
        var compiler = new ExpressionCompiler(new ScriptLimits { MaxSteps = 1_000_000 });
        var expression = compiler.Compile("while (true) { } return 1;", [], typeof(int));

        var error = Assert.Throws<ScriptBudgetExceededException>(() => expression.Evaluate(new Dictionary<string, object?>()));

        Assert.StartsWith("script exceeded its budget", error.Message);
    }

    [Fact]
    public void ExceptionInExpression_IsAScriptRuntimeExceptionWithTheLine()
    {
        const string code = """
            var limit = 100;
            if (Amount > limit)
                throw new InvalidOperationException("amount over the limit");
            return Amount;
            """;
        var expression = _compiler.Compile(code, OrderVariables, typeof(long));

        var error = Assert.Throws<ScriptRuntimeException>(() => expression.Evaluate(new Dictionary<string, object?> { ["Amount"] = 101L }));

        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal(3, error.Line);
        Assert.Contains("amount over the limit", error.Message);
    }

    [Fact]
    public async Task WarmUp_CompilesInTheBackground()
    {
        await _compiler.WarmUpAsync();

        Assert.Equal(1, _compiler.CachedCount);
    }
}
