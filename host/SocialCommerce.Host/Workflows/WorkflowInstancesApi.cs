using Microsoft.AspNetCore.Http.HttpResults;
using SocialCommerce.Commerce;
using SocialCommerce.Host.Commerce;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Indexes;
using SocialCommerce.Workflows.Instances;
using SocialCommerce.Workflows.Services;

namespace SocialCommerce.Host.Workflows;

/// <summary>Instances: list with filters and paging, one instance, its journal, and the operator's cancel and retry.</summary>
public static class WorkflowInstancesApi
{
    public const string Prefix = "/api/workflow-instances";

    public static RouteGroupBuilder MapWorkflowInstancesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapWorkflowGroup(Prefix, "Workflow instances", checkRouteIds: false);
        api.MapGet("/", List).WithName("ListWorkflowInstances").Produces<SocialCommerce.Workflows.Indexes.Page<InstanceSummary>>()
            .WithSummary("Instances, newest first, filtered by definitionId, status, correlationId and createdFrom/createdBefore (ISO 8601), a page at a time");
        api.MapGet("/{id}", Get).WithName("GetWorkflowInstance").Produces<WorkflowInstanceView>()
            .WithSummary("One instance: status, variables, output, bookmarks it waits on, and its incident if faulted");
        api.MapGet("/{id}/journal", Journal).WithName("GetWorkflowInstanceJournal").Produces<SocialCommerce.Workflows.Indexes.Page<JournalEntry>>()
            .WithSummary("What the instance did, oldest first: each activity's start, suspension, resumption, completion (with outcome) or fault");
        api.MapPost("/{id}/cancel", Cancel).WithName("CancelWorkflowInstance").Produces<WorkflowInstanceView>()
            .WithSummary("Cancel an instance that has not ended; its bookmarks and timers are dropped");
        api.MapPost("/{id}/retry", Retry).WithName("RetryWorkflowInstance").Produces<WorkflowInstanceView>()
            .WithSummary("Operator retry of a faulted instance's incident: re-run the failed activity now");
        return api;
    }

    public static async Task<Results<JsonHttpResult<SocialCommerce.Workflows.Indexes.Page<InstanceSummary>>, ValidationProblem>> List(
        WorkflowInstanceService instances, CancellationToken cancellationToken,
        string? definitionId = null, string? status = null, string? correlationId = null,
        DateTimeOffset? createdFrom = null, DateTimeOffset? createdBefore = null, int offset = 0, int limit = Paging.DefaultLimit)
    {
        var errors = Paging.Validate(offset, limit).Id("definitionId", definitionId, required: false);
        WorkflowStatus? parsed = null;
        if (status is not null)
        {
            if (Enum.TryParse<WorkflowStatus>(status, ignoreCase: true, out var value) && Enum.IsDefined(value))
            {
                parsed = value;
            }
            else
            {
                errors.Add("status", $"status '{status}' is unknown; use one of: {string.Join(", ", Enum.GetNames<WorkflowStatus>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.");
            }
        }
        if (createdFrom is not null && createdBefore is not null && createdFrom >= createdBefore)
        {
            errors.Add("createdBefore", "createdBefore must be later than createdFrom.");
        }
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var filter = new InstanceFilter(definitionId, parsed, correlationId, createdFrom, createdBefore);
        return WorkflowJsonResults.Ok(await instances.ListAsync(filter, offset, limit, cancellationToken));
    }

    public static async Task<JsonHttpResult<WorkflowInstanceView>> Get(string id, WorkflowInstanceService instances, CancellationToken cancellationToken) =>
        WorkflowJsonResults.Ok(await FindAsync(id, instances, cancellationToken));

    public static async Task<Results<JsonHttpResult<SocialCommerce.Workflows.Indexes.Page<JournalEntry>>, ValidationProblem>> Journal(string id, WorkflowInstanceService instances,
        CancellationToken cancellationToken, int offset = 0, int limit = Paging.DefaultLimit)
    {
        var errors = Paging.Validate(offset, limit);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var instance = await FindAsync(id, instances, cancellationToken);
        var entries = await instances.JournalAsync(id, offset, limit, cancellationToken);
        return WorkflowJsonResults.Ok(new SocialCommerce.Workflows.Indexes.Page<JournalEntry>(instance.JournalLength, offset, entries));
    }

    public static async Task<JsonHttpResult<WorkflowInstanceView>> Cancel(string id, WorkflowInstanceService instances, CancellationToken cancellationToken)
    {
        var instance = await FindAsync(id, instances, cancellationToken);
        if (instance.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled)
        {
            throw new ConflictException("Instance has ended", $"Workflow instance '{id}' is {Name(instance.Status)} already; there is nothing to cancel.");
        }
        return WorkflowJsonResults.Ok(await instances.CancelAsync(id, cancellationToken) ?? throw new NotFoundException("Workflow instance", id));
    }

    public static async Task<JsonHttpResult<WorkflowInstanceView>> Retry(string id, WorkflowInstanceService instances, CancellationToken cancellationToken)
    {
        var instance = await FindAsync(id, instances, cancellationToken);
        if (instance.Status != WorkflowStatus.Faulted)
        {
            throw new ConflictException("No incident to retry",
                $"Workflow instance '{id}' is {Name(instance.Status)}, not faulted; only an instance stopped on an incident can be retried.");
        }
        return WorkflowJsonResults.Ok(await instances.RetryAsync(id, cancellationToken) ?? throw new NotFoundException("Workflow instance", id));
    }

    private static async Task<WorkflowInstanceView> FindAsync(string id, WorkflowInstanceService instances, CancellationToken cancellationToken) =>
        await instances.GetAsync(id, cancellationToken) ?? throw new NotFoundException("Workflow instance", id);

    private static string Name(WorkflowStatus status) => status.ToString().ToLowerInvariant();
}
