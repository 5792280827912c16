using Microsoft.AspNetCore.Http.HttpResults;
using SocialCommerce.Cluster;
using SocialCommerce.Commerce;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Commerce.Regions;

namespace SocialCommerce.Host.Commerce;

/// <summary>Regional teams and their lists. Lists come from the region grain's own lists (grains are key/value).</summary>
public static class RegionsApi
{
    public static RouteGroupBuilder MapRegionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapCommerceGroup("/api/regions", "Regions");
        api.MapGet("/", List).WithName("ListRegions").WithSummary("All regional teams with their promoter, group and line counts");
        api.MapPut("/{id}", Define).WithName("DefineRegion").WithSummary("Create a region under a stable slug id (e.g. north-east) or rename it");
        api.MapGet("/{id}", Get).WithName("GetRegion").WithSummary("One region with its counts and this ISO week's funnel lines");
        api.MapGet("/{id}/promoters", ListPromoters).WithName("ListRegionPromoters").WithSummary("The region's promoters, a page at a time");
        api.MapGet("/{id}/groups", ListGroups).WithName("ListRegionGroups").WithSummary("The region's groups, a page at a time");
        api.MapPost("/{id}/lines", StartLine).WithName("StartFunnelLine")
            .WithSummary("Start a 7+21 funnel line: an active supervisor of the region with a warm-up group they own");
        api.MapGet("/{id}/lines", ListLines).WithName("ListFunnelLines").WithSummary("The funnel lines the region has started");
        return api;
    }

    public static async Task<Ok<RegionView[]>> List(IGrainFactory grains, CancellationToken cancellationToken)
    {
        var ids = await grains.Get<IRegionCatalogGrain>(IRegionCatalogGrain.Key).ListAsync(cancellationToken);
        var regions = await Task.WhenAll(ids.Select(id => grains.Get<IRegionGrain>(id).GetAsync(cancellationToken)));
        return TypedResults.Ok(regions.OfType<RegionView>().ToArray());
    }

    /// <summary>Creates the region or renames it (the id is the region's stable slug, e.g. "north-east").</summary>
    public static async Task<Results<Ok<RegionView>, ValidationProblem>> Define(
        string id, DefineRegionBody request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var command = new DefineRegion(id, request.Name);
        var errors = command.Validate();
        return errors.IsEmpty
            ? TypedResults.Ok(await grains.Get<IRegionGrain>(id).DefineAsync(request.Name!.Trim(), cancellationToken))
            : TypedResults.ValidationProblem(errors.ToDictionary());
    }

    public static async Task<Ok<RegionView>> Get(string id, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grains.Get<IRegionGrain>(id).GetAsync(cancellationToken) ?? throw new NotFoundException("Region", id));

    public static async Task<Results<Ok<Page<PromoterView>>, ValidationProblem>> ListPromoters(
        string id, IGrainFactory grains, CancellationToken cancellationToken, int offset = 0, int limit = Paging.DefaultLimit)
    {
        var errors = Paging.Validate(offset, limit);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var ids = await grains.Get<IRegionGrain>(id).ListPromotersAsync(offset, limit, cancellationToken);
        return TypedResults.Ok(await Paging.LoadAsync(ids, promoterId => grains.Get<IPromoterGrain>(promoterId).GetAsync(cancellationToken)));
    }

    public static async Task<Results<Ok<Page<GroupView>>, ValidationProblem>> ListGroups(
        string id, IGrainFactory grains, CancellationToken cancellationToken, int offset = 0, int limit = Paging.DefaultLimit)
    {
        var errors = Paging.Validate(offset, limit);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var ids = await grains.Get<IRegionGrain>(id).ListGroupsAsync(offset, limit, cancellationToken);
        return TypedResults.Ok(await Paging.LoadAsync(ids, groupId => grains.Get<IGroupGrain>(groupId).GetAsync(cancellationToken)));
    }

    public static async Task<Results<Created<FunnelLine>, ValidationProblem>> StartLine(
        string id, StartFunnelLine request, FunnelLineLaunch launch, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var line = await launch.StartAsync(id, request, cancellationToken);
        return TypedResults.Created($"/api/regions/{id}/lines", line);
    }

    public static async Task<Ok<IReadOnlyList<FunnelLine>>> ListLines(string id, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grains.Get<IRegionGrain>(id).ListLinesAsync(cancellationToken));
}

public sealed record DefineRegionBody(string? Name);
