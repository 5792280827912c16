using Microsoft.AspNetCore.Http.HttpResults;
using SocialCommerce.Commerce;
using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Events;

namespace SocialCommerce.Host.Workflows;

/// <summary>The designer's palette: every activity type the host knows, and the workflow event names it may offer.</summary>
public static class ActivityDescriptorsApi
{
    public static RouteGroupBuilder MapActivityDescriptorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapWorkflowGroup("/api/activity-descriptors", "Activity descriptors", checkRouteIds: false);
        api.MapGet("/", List).WithName("ListActivityDescriptors").Produces<ActivityCatalog>()
            .WithSummary("Every activity (type, category, display name, inputs with type, UI hint and required flag, outcomes, help) and the event names");
        api.MapGet("/{type}", Get).WithName("GetActivityDescriptor").Produces<ActivityDescriptor>().WithSummary("One activity type's descriptor");
        return api;
    }

    public static JsonHttpResult<ActivityCatalog> List(ActivityRegistry activities, WorkflowEventRegistry events) =>
        WorkflowJsonResults.Ok(new ActivityCatalog(activities.Descriptors, events.EventNames.Order(StringComparer.Ordinal).ToList()));

    public static JsonHttpResult<ActivityDescriptor> Get(string type, ActivityRegistry activities) =>
        WorkflowJsonResults.Ok(activities.Find(type) ?? throw new NotFoundException("Activity type", type));
}

/// <param name="Events">Event names registered by modules (e.g. Commerce's order events) for EventTrigger and WaitForEvent.</param>
public sealed record ActivityCatalog(IReadOnlyList<ActivityDescriptor> Activities, IReadOnlyList<string> Events);
