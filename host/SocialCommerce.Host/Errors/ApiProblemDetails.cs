namespace SocialCommerce.Host.Errors;

public static class ApiProblemDetails
{
    /// <summary>
    /// Every error is RFC 7807 problem+json: domain refusals and unreadable bodies through
    /// <see cref="DomainExceptionHandler"/>, bodiless errors (unknown route, wrong method) through status-code pages.
    /// </summary>
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            context.ProblemDetails.Detail ??= BodilessDetail(context.HttpContext.Request, context.ProblemDetails.Status);
        });
        services.AddExceptionHandler<DomainExceptionHandler>();
        // Minimal APIs answer an unreadable body with a bare 400 unless told to throw; throwing lets the handler
        // say what was wrong and where.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<ApiBodyLimitOptions>(configuration.GetSection(ApiBodyLimitOptions.SectionName));
        return services;
    }

    /// <summary>What to do about the errors the framework answers without a word (no route, wrong method, not JSON).</summary>
    private static string? BodilessDetail(HttpRequest request, int? status) => status switch
    {
        StatusCodes.Status404NotFound => $"Nothing is served at {request.Path}; the API's endpoints are listed in /openapi/v1.json.",
        StatusCodes.Status405MethodNotAllowed => $"{request.Path} does not accept {request.Method}; the API's endpoints and their methods are listed in /openapi/v1.json.",
        StatusCodes.Status415UnsupportedMediaType => "Send the request body as JSON, with the header Content-Type: application/json.",
        _ => null,
    };
}
