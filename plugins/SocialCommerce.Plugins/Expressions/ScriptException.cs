namespace SocialCommerce.Plugins.Expressions;

/// <summary>
/// Everything a script can do wrong ends in one of these, so a caller (the workflow engine) catches one type and
/// turns it into an incident instead of letting a plug-in take the host down.
/// </summary>
public abstract class ScriptException(string message, Exception? innerException = null) : Exception(message, innerException);
