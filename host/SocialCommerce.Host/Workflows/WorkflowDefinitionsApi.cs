using Microsoft.AspNetCore.Http.HttpResults;
using SocialCommerce.Commerce;
using SocialCommerce.Host.Commerce;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Indexes;
using SocialCommerce.Workflows.Services;
using SocialCommerce.Workflows.Validation;

namespace SocialCommerce.Host.Workflows;

/// <summary>
/// Definitions: save drafts (kept even when not valid yet, with the validator's errors beside them), read, list,
/// publish (refused with 422 and the errors while the draft is not valid), retract, versions, delete, export, import.
/// </summary>
public static class WorkflowDefinitionsApi
{
    public const string Prefix = "/api/workflow-definitions";

    public static RouteGroupBuilder MapWorkflowDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapWorkflowGroup(Prefix, "Workflow definitions");
        api.MapPost("/", Create).WithName("CreateWorkflowDefinition").Accepts<WorkflowDefinition>("application/json").Produces<DraftSaved>(StatusCodes.Status201Created)
            .WithSummary("Create a definition with its first draft; the response lists what the validator finds (the draft is saved anyway)");
        api.MapPut("/{id}", SaveDraft).WithName("SaveWorkflowDraft").Accepts<WorkflowDefinition>("application/json").Produces<DraftSaved>()
            .WithSummary("Save the draft of a definition (creating it if new); published versions are never changed");
        api.MapGet("/", List).WithName("ListWorkflowDefinitions").Produces<SocialCommerce.Workflows.Indexes.Page<DefinitionListItem>>()
            .WithSummary("Definitions by name, a page at a time (?offset=&limit=)");
        api.MapGet("/{id}", Get).WithName("GetWorkflowDefinition").Produces<WorkflowDefinition>()
            .WithSummary("The draft (or, without one, the latest version), or ?version=N");
        api.MapGet("/{id}/versions", Versions).WithName("GetWorkflowDefinitionVersions").Produces<DefinitionSummary>()
            .WithSummary("The published versions, the version new instances start on, and the draft's number");
        api.MapPost("/{id}/publish", Publish).WithName("PublishWorkflowDefinition").Produces<WorkflowDefinition>()
            .WithSummary("Freeze the draft as the next version that new instances start on; 422 with every validation error if it is not valid");
        api.MapPost("/{id}/retract", Retract).WithName("RetractWorkflowDefinition").Produces<DefinitionSummary>()
            .WithSummary("Stop new instances and triggers; running instances finish on their version");
        api.MapDelete("/{id}", Delete).WithName("DeleteWorkflowDefinition")
            .WithSummary("Delete a definition; refused with 409 while any of its instances is running, suspended or faulted");
        api.MapGet("/{id}/export", Export).WithName("ExportWorkflowDefinition").Produces<WorkflowDefinition>(contentType: "application/json")
            .WithSummary("Download the draft (or ?version=N) as a JSON file that import accepts");
        api.MapPost("/import", Import).WithName("ImportWorkflowDefinition").Accepts<WorkflowDefinition>("application/json")
            .Produces<DraftSaved>(StatusCodes.Status201Created)
            .WithSummary("Save an exported definition as the draft of its id (or of ?id=), next to any versions it already has");
        return api;
    }

    public static async Task<JsonHttpResult<DraftSaved>> Create(HttpContext context, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var definition = await DefinitionBody.ReadAsync(context.Request, id: null, cancellationToken);
        if (await definitions.GetSummaryAsync(definition.Id, cancellationToken) is not null)
        {
            throw new ConflictException("Workflow definition exists",
                $"A workflow definition '{definition.Id}' exists already; save a new draft of it with PUT {Prefix}/{definition.Id}, or choose another id.");
        }
        var saved = await definitions.SaveDraftAsync(definition, cancellationToken);
        return WorkflowJsonResults.At(context, StatusCodes.Status201Created, $"{Prefix}/{definition.Id}", saved);
    }

    public static async Task<JsonHttpResult<DraftSaved>> SaveDraft(string id, HttpContext context, WorkflowDefinitionService definitions,
        CancellationToken cancellationToken)
    {
        var definition = await DefinitionBody.ReadAsync(context.Request, id, cancellationToken);
        return WorkflowJsonResults.Ok(await definitions.SaveDraftAsync(definition, cancellationToken));
    }

    public static async Task<Results<JsonHttpResult<SocialCommerce.Workflows.Indexes.Page<DefinitionListItem>>, ValidationProblem>> List(
        WorkflowDefinitionService definitions, CancellationToken cancellationToken, int offset = 0, int limit = Paging.DefaultLimit)
    {
        var errors = Paging.Validate(offset, limit);
        return errors.IsEmpty
            ? WorkflowJsonResults.Ok(await definitions.ListAsync(offset, limit, cancellationToken))
            : TypedResults.ValidationProblem(errors.ToDictionary());
    }

    public static async Task<JsonHttpResult<WorkflowDefinition>> Get(string id, int? version, WorkflowDefinitionService definitions,
        CancellationToken cancellationToken) =>
        WorkflowJsonResults.Ok(await FindAsync(id, version, definitions, cancellationToken));

    public static async Task<JsonHttpResult<DefinitionSummary>> Versions(string id, WorkflowDefinitionService definitions, CancellationToken cancellationToken) =>
        WorkflowJsonResults.Ok(await SummaryAsync(id, definitions, cancellationToken));

    public static async Task<Results<JsonHttpResult<WorkflowDefinition>, ProblemHttpResult>> Publish(string id, WorkflowDefinitionService definitions,
        CancellationToken cancellationToken)
    {
        var summary = await SummaryAsync(id, definitions, cancellationToken);
        if (summary.DraftVersion is null)
        {
            throw new ConflictException("Nothing to publish",
                $"Workflow definition '{id}' has no draft (version {summary.PublishedVersion?.ToString() ?? "none"} is current); save one with PUT {Prefix}/{id} first.");
        }
        try
        {
            return WorkflowJsonResults.Ok(await definitions.PublishAsync(id, cancellationToken));
        }
        catch (WorkflowValidationException invalid)
        {
            return DefinitionProblems.Invalid(id, invalid.Errors);
        }
    }

    public static async Task<JsonHttpResult<DefinitionSummary>> Retract(string id, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var summary = await SummaryAsync(id, definitions, cancellationToken);
        if (summary.PublishedVersion is null)
        {
            throw new ConflictException("Not published",
                $"Workflow definition '{id}' has no published version to retract{(summary.Retracted ? " (it was retracted already)" : "")}.");
        }
        await definitions.RetractAsync(id, cancellationToken);
        return WorkflowJsonResults.Ok(await SummaryAsync(id, definitions, cancellationToken));
    }

    public static async Task<NoContent> Delete(string id, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        await SummaryAsync(id, definitions, cancellationToken);
        try
        {
            await definitions.DeleteAsync(id, cancellationToken);
        }
        catch (WorkflowDefinitionInUseException inUse)
        {
            throw new ConflictException("Workflow definition in use", inUse.Message);
        }
        return TypedResults.NoContent();
    }

    public static async Task<FileContentHttpResult> Export(string id, int? version, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var definition = await FindAsync(id, version, definitions, cancellationToken);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(WorkflowJson.Write(definition, indented: true)), "application/json",
            $"{definition.Id}-v{definition.Version}.json");
    }

    /// <param name="id">Import under this id instead of the file's (to copy a definition).</param>
    public static async Task<JsonHttpResult<DraftSaved>> Import(HttpContext context, string? id, WorkflowDefinitionService definitions,
        CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            new ValidationErrors().Id("id", id).ThrowIfAny();
        }
        var definition = await DefinitionBody.ReadAsync(context.Request, id, cancellationToken, replacesBodyId: true);
        var saved = await definitions.SaveDraftAsync(definition, cancellationToken);
        return WorkflowJsonResults.At(context, StatusCodes.Status201Created, $"{Prefix}/{definition.Id}", saved);
    }

    internal static async Task<DefinitionSummary> SummaryAsync(string id, WorkflowDefinitionService definitions, CancellationToken cancellationToken) =>
        await definitions.GetSummaryAsync(id, cancellationToken) ?? throw new NotFoundException("Workflow definition", id);

    private static async Task<WorkflowDefinition> FindAsync(string id, int? version, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        await SummaryAsync(id, definitions, cancellationToken);
        return await definitions.GetAsync(id, version, cancellationToken)
            ?? throw new NotFoundException("Workflow definition version", version is { } v ? $"{id} version {v}" : id);
    }
}
