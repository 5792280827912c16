using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialCommerce.Cluster;
using SocialCommerce.Commerce;
using SocialCommerce.Commerce.Regions;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Services;

namespace SocialCommerce.Host.Workflows;

/// <summary>
/// The built-in templates (workflows/templates, e.g. the 7+21 funnel), and cloning one into a new draft for a regional
/// team: its own id and name, its region, and variable defaults of its own.
/// </summary>
public static class WorkflowTemplatesApi
{
    /// <summary>The variable a clone's region is written to (added to the draft if the template has none).</summary>
    public const string RegionVariable = "region";

    public static RouteGroupBuilder MapWorkflowTemplatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapWorkflowGroup("/api/workflow-templates", "Workflow templates");
        api.MapGet("/", List).WithName("ListWorkflowTemplates").Produces<IReadOnlyList<WorkflowTemplateView>>()
            .WithSummary("The built-in templates with the variables (and defaults) and inputs a clone may set");
        api.MapPost("/{name}/clone", Clone).WithName("CloneWorkflowTemplate").Produces<DraftSaved>(StatusCodes.Status201Created)
            .WithSummary("Clone a template into a new draft for a region, with its own id, name and variable defaults");
        return api;
    }

    public static JsonHttpResult<IReadOnlyList<WorkflowTemplateView>> List() => WorkflowJsonResults.Ok<IReadOnlyList<WorkflowTemplateView>>(
        WorkflowTemplates.Names.Select(name => WorkflowTemplateView.Of(name, WorkflowTemplates.Load(name))).ToList());

    public static async Task<JsonHttpResult<DraftSaved>> Clone(string name, CloneWorkflowTemplate request, HttpContext context, IGrainFactory grains,
        WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var saved = await CloneAsync(name, request, grains, definitions, cancellationToken);
        return WorkflowJsonResults.At(context, StatusCodes.Status201Created, $"{WorkflowDefinitionsApi.Prefix}/{saved.Draft.Id}", saved);
    }

    /// <summary>The clone itself, also used by the demo seeding, so that a seeded clone is exactly what the API makes.</summary>
    public static async Task<DraftSaved> CloneAsync(string name, CloneWorkflowTemplate request, IGrainFactory grains,
        WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        if (!WorkflowTemplates.Names.Contains(name))
        {
            throw new NotFoundException("Workflow template", name);
        }
        var template = WorkflowTemplates.Load(name);
        var errors = new ValidationErrors().Id("definitionId", request.DefinitionId).Text("name", request.Name).Id("region", request.Region);
        var variables = template.Variables.ToList();
        foreach (var (variable, value) in request.Variables ?? [])
        {
            var index = variables.FindIndex(v => v.Name == variable);
            if (index < 0)
            {
                errors.Add($"variables.{variable}",
                    $"Template '{name}' has no variable '{variable}'; its variables are: {string.Join(", ", variables.Select(v => v.Name))}.");
            }
            else if (!Fits(variables[index].Type, value))
            {
                errors.Add($"variables.{variable}",
                    $"Variable '{variable}' is of type {variables[index].Type.ToString().ToLowerInvariant()}; {value?.ToJsonString() ?? "null"} is not a value of that type.");
            }
            else
            {
                variables[index] = variables[index] with { Default = value?.DeepClone() };
            }
        }
        errors.ThrowIfAny();
        if (await grains.Get<IRegionGrain>(request.Region!).GetAsync(cancellationToken) is null)
        {
            throw new RuleViolationException("Unknown region", $"There is no region '{request.Region}'; define it under /api/regions first, or pick an existing one.");
        }
        if (await definitions.GetSummaryAsync(request.DefinitionId!, cancellationToken) is not null)
        {
            throw new ConflictException("Workflow definition exists",
                $"A workflow definition '{request.DefinitionId}' exists already; choose another id for the clone.");
        }

        var region = JsonValue.Create(request.Region);
        var regionIndex = variables.FindIndex(v => v.Name == RegionVariable);
        if (regionIndex < 0)
        {
            variables.Add(new VariableDefinition(RegionVariable, VariableType.String, region));
        }
        else
        {
            variables[regionIndex] = variables[regionIndex] with { Default = region };
        }
        var draft = template with
        {
            Id = request.DefinitionId!,
            Name = request.Name!.Trim(),
            Description = $"{template.Description} (Cloned from template '{name}' for region '{request.Region}'.)".TrimStart(),
            Variables = variables,
        };
        return await definitions.SaveDraftAsync(draft, cancellationToken);
    }

    private static bool Fits(VariableType type, JsonNode? value) => type switch
    {
        _ when value is null => true,
        VariableType.Json => true,
        VariableType.String => value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        VariableType.Bool => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        VariableType.Int => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out _),
        VariableType.Decimal => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
        _ => false,
    };
}

/// <param name="DefinitionId">The new definition's id.</param>
/// <param name="Name">The new definition's name, e.g. "7+21 funnel — Hangzhou".</param>
/// <param name="Region">The regional team's id; written to the draft's <c>region</c> variable.</param>
/// <param name="Variables">New defaults for the template's variables, by name, as JSON values of the variable's type.</param>
public sealed record CloneWorkflowTemplate(string? DefinitionId, string? Name, string? Region, Dictionary<string, JsonNode?>? Variables);

public sealed record WorkflowTemplateView(string Name, string DisplayName, string? Description, IReadOnlyList<VariableDefinition> Variables,
    IReadOnlyList<WorkflowInputDefinition> Inputs, int Activities)
{
    public static WorkflowTemplateView Of(string name, WorkflowDefinition template) =>
        new(name, template.Name, template.Description, template.Variables, template.Inputs, template.Root.Activities.Count);
}
