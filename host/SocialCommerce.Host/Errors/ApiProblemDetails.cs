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
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<DomainExceptionHandler>();
        // Minimal APIs answer an unreadable body with a bare 400 unless told to throw; throwing lets the handler
        // say what was wrong and where.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<ApiBodyLimitOptions>(configuration.GetSection(ApiBodyLimitOptions.SectionName));
        return services;
    }
}
