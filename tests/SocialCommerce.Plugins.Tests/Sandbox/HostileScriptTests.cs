using SocialCommerce.Plugins.Compilation;
using SocialCommerce.Plugins.Expressions;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Running;
using SocialCommerce.Plugins.Sandbox;
using SocialCommerce.Plugins.Sdk;

namespace SocialCommerce.Plugins.Tests.Sandbox;

/// <summary>
/// Scripts that try to get out: each is refused when it compiles or stopped while it runs, with a message that
/// says why, and the host goes on running other scripts.
/// </summary>
public sealed class HostileScriptTests
{
    private static readonly PluginManifest Activity =
        new("hostile", "1.0.0", PluginKind.Activity, [], [new("result", "string")], "A script that misbehaves.");

    private readonly PluginCompiler _compiler = new();

    [Theory]
    [InlineData("result = System.IO.File.ReadAllText(\"/etc/passwd\");", "file access")]
    [InlineData("using var s = new System.IO.FileStream(\"/tmp/x\", System.IO.FileMode.Create);", "file access")]
    [InlineData("System.Environment.Exit(1);", "process environment")]
    [InlineData("result = Environment.GetEnvironmentVariable(\"SC_TEST_POSTGRES\");", "process environment")]
    [InlineData("result = typeof(string).GetField(\"Empty\").GetValue(null) as string;", "reflection")]
    [InlineData("result = \"x\".GetType().GetMethods().Length.ToString();", "reflection")]
    [InlineData("result = Type.GetType(\"System.IO.File\")?.Name;", "reflection")]
    [InlineData("result = Activator.CreateInstance<object>().ToString();", "reflection")]
    [InlineData("new System.Threading.Thread(() => { }).Start();", "threads")]
    [InlineData("System.Threading.Tasks.Task.Run(() => 1);", "threads")]
    [InlineData("System.Threading.ThreadPool.QueueUserWorkItem(_ => { });", "threads")]
    [InlineData("GC.Collect();", "garbage collector")]
    [InlineData("result = AppDomain.CurrentDomain.FriendlyName;", "AppDomain")]
    [InlineData("System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(\"/tmp/x.dll\");", "loading assemblies")]
    [InlineData("unsafe { int x = 1; int* p = &x; result = (*p).ToString(); }", "unsafe")]
    [InlineData("dynamic d = 1; result = d.ToString();", "dynamic")]
    [InlineData("[System.Runtime.InteropServices.DllImport(\"libc\")] static extern int getpid(); result = getpid().ToString();", "P/Invoke")]
    [InlineData("result = System.Runtime.CompilerServices.Unsafe.SizeOf<int>().ToString();", "runtime services")]
    [InlineData("SocialCommerce.Plugins.Sandbox.ScriptBudget.Step();", "sandbox itself")]
    [InlineData("var timer = TimeProvider.System.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromSeconds(1));", "timers")]
    public void ForbiddenApi_IsRefusedAtCompileTime_WithTheReason(string code, string reason)
    {
        var error = Assert.Throws<ScriptCompilationException>(() => _compiler.Compile(Activity, code));

        Assert.Contains(error.Diagnostics, d => d.Message.Contains(reason, StringComparison.Ordinal) && d.Line == 1);
    }

    [Theory]
    [InlineData("using var client = new System.Net.Http.HttpClient(); result = client.GetStringAsync(\"http://example.com\").Result;")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\", \"-c 'rm -rf /'\");")]
    [InlineData("var socket = new System.Net.Sockets.Socket(default, default, default);")]
    public void ApiOutsideTheReferencedAssemblies_DoesNotCompile(string code)
    {
        var error = Assert.Throws<ScriptCompilationException>(() => _compiler.Compile(Activity, code));

        Assert.Contains(error.Diagnostics, d => d.Id is "CS0234" or "CS0246" or SandboxAnalyzer.ForbiddenApiId && d.Line == 1);
    }

    [Theory]
    [InlineData("while (true) { }", "steps")]
    [InlineData("for (;;) { result += \"\"; }", "steps")]
    [InlineData("again: result = \"x\"; goto again;", "steps")]
    [InlineData("Action spin = null; spin = () => { while (true) { } }; spin();", "steps")]
    [InlineData("int Deep(int n) => Deep(n + 1) + 1; result = Deep(0).ToString();", "too deep")]
    [InlineData("Func<int, int> f = null; f = n => f(n + 1) + 1; result = f(0).ToString();", "too deep")]
    [InlineData("var big = new long[int.MaxValue / 2]; result = big.Length.ToString();", "array")]
    [InlineData("var keep = new List<byte[]>(); while (true) { keep.Add(new byte[1_000_000]); }", "allocated")]
    [InlineData("while (true) { try { while (true) { } } catch { } }", "steps")]
    [InlineData("try { while (true) { } } catch (Exception) { } result = \"escaped\";", "steps")]
    [InlineData("try { while (true) { } } finally { result = \"cleanup\"; }", "steps")]
    public void RunawayScript_IsStopped_WithTheBudgetMessage(string code, string reason)
    {
        var plugin = _compiler.Compile(Activity, code);
        var runner = Runner(new ScriptLimits { MaxSteps = 2_000_000, MaxAllocatedBytes = 64L * 1024 * 1024 });

        var error = Assert.Throws<ScriptBudgetExceededException>(() => runner.Run(plugin, new Dictionary<string, object?>(), PluginRunContext.Empty));

        Assert.StartsWith("script exceeded its budget", error.Message);
        Assert.Contains(reason, error.Message);
        HostStillServes();
    }

    [Fact]
    public void SlowScript_IsStoppedByTheWallClock()
    {
        var plugin = _compiler.Compile(Activity, "var n = 0L; while (true) { n++; }");
        var runner = Runner(new ScriptLimits { MaxSteps = long.MaxValue, Timeout = TimeSpan.FromMilliseconds(200) });

        var error = Assert.Throws<ScriptBudgetExceededException>(() => runner.Run(plugin, new Dictionary<string, object?>(), PluginRunContext.Empty));

        Assert.Contains("longer than 200 ms", error.Message);
    }

    [Fact]
    public void Cancellation_StopsARunningScript()
    {
        var plugin = _compiler.Compile(Activity, "while (true) { }");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.ThrowsAny<OperationCanceledException>(() => Runner(new ScriptLimits { MaxSteps = long.MaxValue, Timeout = TimeSpan.FromMinutes(1) })
            .Run(plugin, new Dictionary<string, object?>(), PluginRunContext.Empty, cancellation.Token));
    }

    [Fact]
    public void ExceptionInScript_IsATypedScriptException_NotACrash()
    {
        var plugin = _compiler.Compile(Activity, "var items = new List<int>();\nresult = items[3].ToString();");

        var error = Assert.Throws<ScriptRuntimeException>(() => Runner(ScriptLimits.Default).Run(plugin, new Dictionary<string, object?>(), PluginRunContext.Empty));

        Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
        Assert.Equal(2, error.Line);
        HostStillServes();
    }

    [Fact]
    public void LazySequenceRunLater_OutsideItsRun_IsStopped()
    {
        var expressions = new ExpressionCompiler();
        var lazy = (IEnumerable<int>)expressions.Compile("Enumerable.Range(0, 3).Select(i => i * 2)", [], typeof(IEnumerable<int>))
            .Evaluate(new Dictionary<string, object?>())!;

        var error = Assert.Throws<ScriptBudgetExceededException>(() => lazy.ToList());

        Assert.Contains("outside its run", error.Message);
    }

    private void HostStillServes()
    {
        var healthy = _compiler.Compile(Activity with { Version = "1.0.1" }, "result = string.Join(\",\", Enumerable.Range(1, 3));");
        Assert.Equal("1,2,3", Runner(ScriptLimits.Default).Run(healthy, new Dictionary<string, object?>(), PluginRunContext.Empty).Outputs["result"]);
    }

    private static PluginRunner Runner(ScriptLimits limits) =>
        new(null!, new PluginCompiler(), TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new SocialCommerce.Plugins.Hosting.PluginOptions { Limits = limits }));
}
