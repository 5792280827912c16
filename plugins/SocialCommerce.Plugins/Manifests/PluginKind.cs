namespace SocialCommerce.Plugins.Manifests;

/// <summary>What a plug-in is for; it decides the globals class, the return value and the fixed outputs.</summary>
public enum PluginKind
{
    /// <summary>Runs as a workflow step: typed inputs in, typed outputs out (RunScript).</summary>
    Activity,

    /// <summary>Returns a commission in fen for the promoter and order it runs for.</summary>
    CommissionFormula,

    /// <summary>Decides whether a task's evidence passes, with a reason.</summary>
    TaskCheck,

    /// <summary>Static helper methods; compiled and checked like the others, not run on its own.</summary>
    ExpressionLibrary,
}

public static class PluginKinds
{
    private static readonly Dictionary<string, PluginKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["activity"] = PluginKind.Activity,
        ["commission-formula"] = PluginKind.CommissionFormula,
        ["task-check"] = PluginKind.TaskCheck,
        ["expression-library"] = PluginKind.ExpressionLibrary,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static string Name(this PluginKind kind) => ByName.First(pair => pair.Value == kind).Key;

    public static bool TryParse(string? name, out PluginKind kind) => ByName.TryGetValue(name ?? "", out kind);
}
