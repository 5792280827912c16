using SocialCommerce.Plugins.Compilation;
using SocialCommerce.Plugins.Expressions;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Sandbox;

namespace SocialCommerce.Plugins.Tests.Expressions;

public sealed class ExpressionLibraryTests
{
    private static readonly PluginManifest Library =
        new("commission-helpers", "1.0.0", PluginKind.ExpressionLibrary, [], [], "Helpers for commission expressions.");

    private const string LibraryCode = """
        public static long RateBp(long monthlyGmvFen) => monthlyGmvFen >= 1_000_000 ? 800 : 500;

        public static long Spin()
        {
            while (true) { }
        }
        """;

    private readonly PluginCompiler _plugins = new();
    private readonly ExpressionCompiler _expressions = new(new ScriptLimits { MaxSteps = 1_000_000 });

    [Fact]
    public void Expression_CallsALibraryFunctionByName()
    {
        var library = _plugins.Compile(Library, LibraryCode);

        var expression = _expressions.Compile("Amount * RateBp(Gmv) / 10_000", [new("Amount", typeof(long)), new("Gmv", typeof(long))],
            typeof(long), [library]);

        Assert.Equal(800L, expression.Evaluate(new Dictionary<string, object?> { ["Amount"] = 10_000L, ["Gmv"] = 2_000_000L }));
        Assert.Equal(500L, expression.Evaluate(new Dictionary<string, object?> { ["Amount"] = 10_000L, ["Gmv"] = 0L }));
    }

    [Fact]
    public void LibraryCode_RunsUnderTheExpressionsBudget()
    {
        var library = _plugins.Compile(Library, LibraryCode);
        var expression = _expressions.Compile("Spin()", [], typeof(long), [library]);

        var error = Assert.Throws<ScriptBudgetExceededException>(() => expression.Evaluate(new Dictionary<string, object?>()));

        Assert.Contains("steps", error.Message);
    }

    [Fact]
    public void Library_IsSandboxedLikeAnyPlugin()
    {
        var error = Assert.Throws<ScriptCompilationException>(() => _plugins.Compile(Library,
            "public static string Secret() => System.IO.File.ReadAllText(\"/etc/passwd\");"));

        Assert.Contains(error.Diagnostics, d => d.Line == 1 && d.Message.Contains("file access"));
    }

    [Fact]
    public void OtherKindsOfPlugin_AreNotLibraries()
    {
        var formula = _plugins.Compile(Library with { Kind = PluginKind.CommissionFormula }, "return 1;");

        Assert.Throws<ArgumentException>(() => _expressions.Compile("1", [], typeof(int), [formula]));
    }
}
