namespace SocialCommerce.Workflows.Validation;

/// <summary>
/// One thing wrong with a definition, located as precisely as the designer can show it: the activity, the input,
/// and for an expression the line and column inside the code.
/// </summary>
public sealed record ValidationError(string Code, string Message, string? ActivityId = null, string? Input = null, int? Line = null, int? Column = null);

/// <summary>The error codes, stable for the designer to key on.</summary>
public static class ValidationCodes
{
    public const string UnknownType = "unknown-type";
    public const string DuplicateId = "duplicate-id";
    public const string UnknownInput = "unknown-input";
    public const string MissingInput = "missing-input";
    public const string InvalidInput = "invalid-input";
    public const string UnknownVariable = "unknown-variable";
    public const string DanglingConnection = "dangling-connection";
    public const string Unreachable = "unreachable";
    public const string NoStart = "no-start";
    public const string ManyStarts = "many-starts";
    public const string LoopWithoutWait = "loop-without-wait";
    public const string ExpressionError = "expression-error";
    public const string InvalidVariable = "invalid-variable";
    public const string PluginError = "plugin-error";
}

public sealed class WorkflowValidationException(string definitionId, IReadOnlyList<ValidationError> errors)
    : Exception($"Workflow definition '{definitionId}' is not valid: {string.Join(" ", errors.Select(e => e.Message))}")
{
    public string DefinitionId { get; } = definitionId;

    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
