using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SocialCommerce.Commerce;

namespace SocialCommerce.Host.Errors;

/// <summary>
/// Turns a refused request into problem+json: domain exceptions by kind (not found 404, conflict 409, rule 422,
/// validation 400 with per-field errors) and unreadable request bodies (malformed JSON 400, with the field and
/// position). Anything else is left to the default 500 handler.
/// </summary>
internal sealed partial class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    private const string WrongKindMessage = "The JSON value could not be converted to ";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            _ when Find<DomainException>(exception) is { } domain => FromDomain(domain),
            BadHttpRequestException badRequest => FromBadRequest(httpContext, badRequest),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails FromDomain(DomainException exception)
    {
        var status = exception switch
        {
            NotFoundException => StatusCodes.Status404NotFound,
            ConflictException => StatusCodes.Status409Conflict,
            RuleViolationException => StatusCodes.Status422UnprocessableEntity,
            DomainValidationException => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status400BadRequest,
        };
        ProblemDetails problem = exception is DomainValidationException validation
            ? new HttpValidationProblemDetails(validation.Errors.ToDictionary())
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = exception.Title;
        problem.Detail = exception.Message;
        return problem;
    }

    private static ProblemDetails FromBadRequest(HttpContext httpContext, BadHttpRequestException exception)
    {
        if (Find<JsonException>(exception) is { } json)
        {
            var field = JsonPathToField(json.Path);
            var message = json.Message.Split(" Path: ")[0];
            // The serializer's "could not be converted to <C# type>" means a value of the wrong kind; our own
            // converters (Money) throw messages a person can already act on.
            if (message.StartsWith(WrongKindMessage, StringComparison.Ordinal))
            {
                message = ExpectedJsonValue.Describe(httpContext, field, json.Path) ?? message;
            }
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body is not valid JSON for this endpoint",
                Detail = json.LineNumber is { } line
                    ? $"{message} (field '{field}', line {line + 1}, position {json.BytePositionInLine + 1})."
                    : message,
            };
        }

        // "Failed to bind parameter "int limit" from "abc"." — a query or route value of the wrong kind.
        if (UnboundParameter().Match(exception.Message) is { Success: true } unbound &&
            ExpectedJsonValue.DescribeParameter(httpContext, unbound.Groups["name"].Value) is { } expectation)
        {
            var name = unbound.Groups["name"].Value;
            var message = $"{expectation} (got '{unbound.Groups["value"].Value}').";
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [name] = [message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is invalid",
                Detail = message,
            };
        }

        return new ProblemDetails
        {
            Status = exception.StatusCode,
            Title = "The request could not be read",
            Detail = ExpectsBody(httpContext) && !HasBody(httpContext.Request)
                ? "This endpoint needs a JSON body (Content-Type: application/json) and none was sent; see /openapi/v1.json for its fields."
                : exception.Message,
        };
    }

    private static bool ExpectsBody(HttpContext httpContext) => ExpectedJsonValue.BodyType(httpContext) is not null;

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    /// <summary>"$.items[0].unitPrice" → "items[0].unitPrice", the field name used in validation errors.</summary>
    internal static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$').TrimStart('.');

    [GeneratedRegex("^Failed to bind parameter \"[^\"]* (?<name>\\w+)\" from \"(?<value>.*)\"\\.$")]
    private static partial Regex UnboundParameter();

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T match)
            {
                return match;
            }
        }

        return null;
    }
}
