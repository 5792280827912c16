using Microsoft.AspNetCore.Http.HttpResults;
using SocialCommerce.Workflows.Validation;

namespace SocialCommerce.Host.Workflows;

/// <summary>
/// A definition the validator refused, as problem+json (422) whose <c>errors</c> is an array a designer can point at:
/// each with its code, activityId, input, message, and for an expression the line and column inside the code.
/// </summary>
internal static class DefinitionProblems
{
    public static ProblemHttpResult Invalid(string definitionId, IReadOnlyList<ValidationError> errors) => TypedResults.Problem(
        title: "The workflow definition is not valid",
        detail: $"Workflow definition '{definitionId}' has {errors.Count} problem(s) to fix before it can be published; the first: {errors[0].Message}",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?> { ["errors"] = errors });
}
