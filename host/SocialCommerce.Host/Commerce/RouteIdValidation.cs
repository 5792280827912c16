using SocialCommerce.Commerce;

namespace SocialCommerce.Host.Commerce;

/// <summary>Checks every id in the route ("{id}", "{memberId}", …) has the shape of a grain key before a handler runs.</summary>
internal sealed class RouteIdValidation : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new ValidationErrors();
        foreach (var (name, value) in context.HttpContext.Request.RouteValues)
        {
            if (name.EndsWith("id", StringComparison.OrdinalIgnoreCase))
            {
                errors.Id(name, value as string);
            }
        }

        return errors.IsEmpty ? next(context) : ValueTask.FromResult<object?>(TypedResults.ValidationProblem(errors.ToDictionary()));
    }
}
