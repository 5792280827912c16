using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SocialCommerce.Workflows.Webhooks;

namespace SocialCommerce.Host.Webhooks;

/// <summary>Webhook rule refusals from the grains as problem+json: unknown hook or delivery 404, conflict 409.</summary>
internal sealed class WebhookExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var refusal = exception as WebhookException ?? exception.InnerException as WebhookException;
        if (refusal is null)
        {
            return false;
        }
        var status = refusal is WebhookNotFoundException ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = refusal.Title, Detail = refusal.Message },
            Exception = exception,
        });
    }
}
