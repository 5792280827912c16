using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace SocialCommerce.Host.Errors;

/// <summary>
/// Refuses request bodies over the /api limit with 413 problem+json before any handler runs, so an oversized
/// request changes nothing. A declared length is checked at once; a chunked body is read up to the limit first.
/// (Webhooks under /hooks keep a limit of their own.)
/// </summary>
internal sealed class ApiBodyLimit(RequestDelegate next, IOptions<ApiBodyLimitOptions> options, IProblemDetailsService problems)
{
    public const string PathPrefix = "/api";

    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > _limit)
        {
            await RefuseAsync(context);
            return;
        }

        if (request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            var buffered = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffered.Length + read > _limit)
                {
                    await RefuseAsync(context);
                    return;
                }

                buffered.Write(chunk, 0, read);
            }

            buffered.Position = 0;
            request.Body = buffered;
        }

        await next(context);
    }

    private async Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = $"Request bodies under {PathPrefix} may be at most {_limit:N0} bytes; send less data per request.",
            },
        });
    }
}
