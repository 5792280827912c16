using Microsoft.AspNetCore.Http.HttpResults;
using SocialCommerce.Cluster;
using SocialCommerce.Commerce;
using SocialCommerce.Commerce.Groups;

namespace SocialCommerce.Host.Commerce;

public static class GroupsApi
{
    public const int MaxMessagesPerReport = 100_000;

    public static RouteGroupBuilder MapGroupsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapCommerceGroup("/api/groups", "Groups");
        api.MapPost("/", Create).WithName("OpenGroup")
            .WithSummary("Open a chat group for an active promoter (warm-up, head-user and interest groups hold 500, task groups 50)");
        api.MapGet("/{id}", Get).WithName("GetGroup").WithSummary("One group: owner, kind, capacity, members and activity counters");
        api.MapPost("/{id}/members", Join).WithName("JoinGroup").WithSummary("Add a member; joining twice is a no-op, joining a full group is refused (409)");
        api.MapDelete("/{id}/members/{memberId}", Leave).WithName("LeaveGroup").WithSummary("Remove a member (the owner cannot leave)");
        api.MapPost("/{id}/messages", RecordMessages).WithName("ReportGroupMessages")
            .WithSummary("Chat activity from the chat tools: messages since the last report");
        return api;
    }

    public static async Task<Results<Created<GroupView>, ValidationProblem>> Create(
        CreateGroup request, GroupOpening opening, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var group = await opening.OpenAsync(request, cancellationToken);
        return TypedResults.Created($"/api/groups/{group.Id}", group);
    }

    public static async Task<Ok<GroupView>> Get(string id, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grains.Get<IGroupGrain>(id).GetAsync(cancellationToken) ?? throw new NotFoundException("Group", id));

    public static async Task<Results<Ok<GroupView>, ValidationProblem>> Join(
        string id, JoinGroup request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Id("memberId", request.MemberId);
        return errors.IsEmpty
            ? TypedResults.Ok(await grains.Get<IGroupGrain>(id).JoinAsync(request.MemberId!, cancellationToken))
            : TypedResults.ValidationProblem(errors.ToDictionary());
    }

    public static async Task<Ok<GroupView>> Leave(string id, string memberId, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grains.Get<IGroupGrain>(id).LeaveAsync(memberId, cancellationToken));

    /// <summary>Chat activity reported by the chat tools (a count of messages since the last report).</summary>
    public static async Task<Results<Ok<GroupView>, ValidationProblem>> RecordMessages(
        string id, ReportMessages request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Range("count", request.Count ?? 0, 1, MaxMessagesPerReport);
        return errors.IsEmpty
            ? TypedResults.Ok(await grains.Get<IGroupGrain>(id).RecordMessagesAsync(request.Count!.Value, cancellationToken))
            : TypedResults.ValidationProblem(errors.ToDictionary());
    }
}

public sealed record JoinGroup(string? MemberId);

public sealed record ReportMessages(int? Count);
