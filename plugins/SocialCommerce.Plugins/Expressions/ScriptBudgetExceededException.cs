namespace SocialCommerce.Plugins.Expressions;

/// <summary>
/// The script ran too many steps, too long, too deep or allocated too much; it was stopped where it stood.
/// </summary>
public sealed class ScriptBudgetExceededException(string reason)
    : ScriptException($"script exceeded its budget: {reason}")
{
    public string Reason { get; } = reason;
}
