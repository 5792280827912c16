namespace SocialCommerce.Host.Commerce;

public static class CommerceApi
{
    /// <summary>The commerce HTTP API under /api: promoters, groups, orders, regions. Money is always integer fen.</summary>
    public static IEndpointRouteBuilder MapCommerceApi(this IEndpointRouteBuilder app)
    {
        app.MapPromotersApi();
        app.MapGroupsApi();
        app.MapOrdersApi();
        app.MapRegionsApi();
        return app;
    }

    /// <summary>What every commerce group shares: route-id checks and the problem responses its handlers can give.</summary>
    internal static RouteGroupBuilder MapCommerceGroup(this IEndpointRouteBuilder app, string prefix, string tag)
    {
        var group = app.MapGroup(prefix).WithTags(tag);
        group.AddEndpointFilter<RouteIdValidation>();
        group.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }
}
