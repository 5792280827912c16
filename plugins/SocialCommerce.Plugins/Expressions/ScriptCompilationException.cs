namespace SocialCommerce.Plugins.Expressions;

/// <summary>The script did not compile or the sandbox refused it; nothing was loaded.</summary>
public sealed class ScriptCompilationException(IReadOnlyList<ScriptDiagnostic> diagnostics)
    : ScriptException(Describe(diagnostics))
{
    public IReadOnlyList<ScriptDiagnostic> Diagnostics { get; } = diagnostics;

    private static string Describe(IReadOnlyList<ScriptDiagnostic> diagnostics) =>
        "The script does not compile:" + string.Concat(diagnostics.Select(d => Environment.NewLine + "  " + d));
}
