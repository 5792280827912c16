using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialCommerce.Commerce;
using SocialCommerce.Workflows.Events;

namespace SocialCommerce.Host.Workflows;

/// <summary>Domain events from outside: start EventTrigger workflows and resume WaitForEvent bookmarks, once per event id.</summary>
public static class WorkflowEventsApi
{
    public static RouteGroupBuilder MapWorkflowEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapWorkflowGroup("/api/workflow-events", "Workflow events");
        api.MapPost("/", Publish).WithName("PublishWorkflowEvent").Produces<WorkflowEventDelivered>()
            .WithSummary("Publish a domain event (name, correlationId, payload): starts workflows whose EventTrigger names it and resumes " +
                "instances waiting for it; the same eventId again starts and resumes nothing more");
        return api;
    }

    public static async Task<JsonHttpResult<WorkflowEventDelivered>> Publish(PublishWorkflowEvent request, WorkflowEventPublisher publisher,
        CancellationToken cancellationToken)
    {
        new ValidationErrors().Text("name", request.Name).Text("eventId", request.EventId, required: false)
            .Text("correlationId", request.CorrelationId, required: false).ThrowIfAny();
        var eventId = request.EventId?.Trim() is { Length: > 0 } given ? given : "evt_" + Guid.CreateVersion7().ToString("N");
        var delivered = await publisher.PublishAsync(new WorkflowEvent(eventId, request.Name!.Trim(), request.CorrelationId, request.Payload), cancellationToken);
        return WorkflowJsonResults.Ok(new WorkflowEventDelivered(eventId, delivered.Started, delivered.Resumed));
    }
}

/// <param name="EventId">Give one to make retries safe: the same id is delivered once. Left out, a new one is made.</param>
/// <param name="Name">The event name EventTrigger and WaitForEvent activities name, e.g. <c>order.paid</c>.</param>
/// <param name="CorrelationId">Matched against a WaitForEvent's correlation (e.g. the promoter id); given to started instances.</param>
public sealed record PublishWorkflowEvent(string? EventId, string? Name, string? CorrelationId, JsonObject? Payload);

/// <param name="Started">Instances this event started (the same ids on a repeat: they were not started twice).</param>
/// <param name="Resumed">Instances this delivery resumed (none on a repeat).</param>
public sealed record WorkflowEventDelivered(string EventId, IReadOnlyList<string> Started, IReadOnlyList<string> Resumed);
