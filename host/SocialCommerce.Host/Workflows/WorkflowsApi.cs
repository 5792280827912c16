using SocialCommerce.Host.Commerce;
using SocialCommerce.Workflows.Hosting;

namespace SocialCommerce.Host.Workflows;

public static class WorkflowsApi
{
    /// <summary>
    /// The workflow HTTP API: definitions, instances, dispatch, domain events, activity descriptors and templates.
    /// Definitions and instances are written in the engine's JSON shape (camelCase, enums as camelCase strings), the
    /// same shape export files and templates use, so whatever the API returns can be sent back to it.
    /// </summary>
    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        app.MapWorkflowDefinitionsApi();
        app.MapWorkflowInstancesApi();
        app.MapWorkflowDispatchApi();
        app.MapWorkflowEventsApi();
        app.MapActivityDescriptorsApi();
        app.MapWorkflowTemplatesApi();
        return app;
    }

    /// <summary>
    /// Route ids checked like the commerce API's (ids people choose: definitions, templates), and the problem responses
    /// every workflow group can give. Instance ids are the engine's and are not checked (an unknown one is a 404).
    /// </summary>
    internal static RouteGroupBuilder MapWorkflowGroup(this IEndpointRouteBuilder app, string prefix, string tag, bool checkRouteIds = true)
    {
        if (checkRouteIds)
        {
            return app.MapCommerceGroup(prefix, tag);
        }
        var group = app.MapGroup(prefix).WithTags(tag);
        group.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }
}
