namespace SocialCommerce.Plugins.Expressions;

/// <summary>
/// The script threw. <see cref="Exception.InnerException"/> is what it threw; <see cref="Line"/> is where in the
/// user's code, when the stack trace tells (0 when it does not).
/// </summary>
public sealed class ScriptRuntimeException(Exception thrown, int line)
    : ScriptException(line > 0
        ? $"The script threw {thrown.GetType().Name} at line {line}: {thrown.Message}"
        : $"The script threw {thrown.GetType().Name}: {thrown.Message}", thrown)
{
    public int Line { get; } = line;
}
