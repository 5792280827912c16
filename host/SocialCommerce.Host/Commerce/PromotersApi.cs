using Microsoft.AspNetCore.Http.HttpResults;
using SocialCommerce.Cluster;
using SocialCommerce.Commerce;
using SocialCommerce.Commerce.Promoters;

namespace SocialCommerce.Host.Commerce;

public static class PromotersApi
{
    public static RouteGroupBuilder MapPromotersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapCommerceGroup("/api/promoters", "Promoters");
        api.MapPost("/", SignUp).WithName("SignUpPromoter")
            .WithSummary("Sign a promoter up, with a friend's invite code as their upline (optional)");
        api.MapGet("/{id}", Get).WithName("GetPromoter").WithSummary("One promoter: level, status, invite code and upline chain");
        api.MapGet("/by-invite-code/{code}", GetByInviteCode).WithName("GetPromoterByInviteCode")
            .WithSummary("The promoter who hands out an invite code (what a sign-up page shows before confirming)");
        api.MapPut("/{id}/level", ChangeLevel).WithName("ChangePromoterLevel").WithSummary("Promote or demote: new-member, promoter or supervisor");
        api.MapPost("/{id}/suspend", Suspend).WithName("SuspendPromoter")
            .WithSummary("Suspend a promoter: no invitations, new groups or attributed orders until reactivated");
        api.MapPost("/{id}/reactivate", Reactivate).WithName("ReactivatePromoter").WithSummary("Lift a suspension");
        return api;
    }

    public static async Task<Results<Created<PromoterView>, ValidationProblem>> SignUp(
        SignUpPromoter request, PromoterSignUp signUp, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var promoter = await signUp.SignUpAsync(request, cancellationToken);
        return TypedResults.Created($"/api/promoters/{promoter.Id}", promoter);
    }

    public static async Task<Ok<PromoterView>> Get(string id, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grains.Get<IPromoterGrain>(id).GetAsync(cancellationToken) ?? throw new NotFoundException("Promoter", id));

    /// <summary>Who hands out this code — what a sign-up page shows before the newcomer confirms.</summary>
    public static async Task<Results<Ok<PromoterView>, ValidationProblem>> GetByInviteCode(
        string code, PromoterSignUp signUp, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Text("code", code);
        return errors.IsEmpty
            ? TypedResults.Ok(await signUp.ResolveInviterAsync(code, cancellationToken))
            : TypedResults.ValidationProblem(errors.ToDictionary());
    }

    public static async Task<Results<Ok<PromoterView>, ValidationProblem>> ChangeLevel(
        string id, ChangePromoterLevel request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Defined("level", request.Level);
        return errors.IsEmpty
            ? TypedResults.Ok(await grains.Get<IPromoterGrain>(id).ChangeLevelAsync(request.Level!.Value, cancellationToken))
            : TypedResults.ValidationProblem(errors.ToDictionary());
    }

    public static async Task<Results<Ok<PromoterView>, ValidationProblem>> Suspend(
        string id, SuspendPromoter request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Text("reason", request.Reason);
        return errors.IsEmpty
            ? TypedResults.Ok(await grains.Get<IPromoterGrain>(id).SuspendAsync(request.Reason!.Trim(), cancellationToken))
            : TypedResults.ValidationProblem(errors.ToDictionary());
    }

    public static async Task<Ok<PromoterView>> Reactivate(string id, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grains.Get<IPromoterGrain>(id).ReactivateAsync(cancellationToken));
}

public sealed record ChangePromoterLevel(PromoterLevel? Level);

public sealed record SuspendPromoter(string? Reason);
