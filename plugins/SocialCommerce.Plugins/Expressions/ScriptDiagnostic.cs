namespace SocialCommerce.Plugins.Expressions;

/// <summary>A compile or sandbox error, placed at a 1-based line and column of the user's own code.</summary>
public sealed record ScriptDiagnostic(string Id, int Line, int Column, string Message)
{
    public override string ToString() => $"({Line},{Column}): {Id}: {Message}";
}
