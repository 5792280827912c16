using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SocialCommerce.Commerce;
using SocialCommerce.Workflows.Runtime;
using SocialCommerce.Workflows.Services;
using SocialCommerce.Workflows.Webhooks;

namespace SocialCommerce.Host.Workflows;

/// <summary>Starts an instance of a published definition on request; an <c>Idempotency-Key</c> makes a retried request start one.</summary>
public static class WorkflowDispatchApi
{
    public static RouteGroupBuilder MapWorkflowDispatchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapWorkflowGroup("/api/workflows", "Workflow dispatch");
        api.MapPost("/{definitionId}/dispatch", Dispatch).WithName("DispatchWorkflow").Produces<WorkflowStarted>(StatusCodes.Status202Accepted)
            .WithSummary("Start an instance of the published definition (or ?version) with input and a correlation id; " +
                "the same Idempotency-Key header again returns the first instance instead of starting another");
        return api;
    }

    public static async Task<JsonHttpResult<WorkflowStarted>> Dispatch(string definitionId, DispatchWorkflow? request, HttpContext context,
        [FromHeader(Name = WebhookIds.IdempotencyKeyHeader)] string? idempotencyKey,
        WorkflowDefinitionService definitions, IWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        request ??= new DispatchWorkflow(null, null, null);
        var errors = new ValidationErrors().Text("correlationId", request.CorrelationId, required: false)
            .Text(WebhookIds.IdempotencyKeyHeader, idempotencyKey, required: false);
        errors.ThrowIfAny();

        var summary = await WorkflowDefinitionsApi.SummaryAsync(definitionId, definitions, cancellationToken);
        var version = request.Version ?? summary.PublishedVersion
            ?? throw new ConflictException("Workflow not published",
                $"Workflow definition '{definitionId}' has no published version{(summary.Retracted ? " (it was retracted)" : "")}; publish it, then dispatch.");
        var definition = await definitions.GetAsync(definitionId, version, cancellationToken);
        if (definition is null || !summary.Versions.Any(v => v.Version == version))
        {
            throw new NotFoundException("Workflow definition version", $"{definitionId} version {version}");
        }
        foreach (var input in definition.Inputs.Where(i => i.Required && request.Input?[i.Name] is null))
        {
            errors.Add($"input.{input.Name}", $"Input '{input.Name}' ({input.Type.ToString().ToLowerInvariant()}) is required by '{definitionId}' version {version}.");
        }
        errors.ThrowIfAny();

        var started = await runtime.StartAsync(new StartWorkflowRequest(definitionId, InstanceId(definitionId, idempotencyKey), request.Input,
            request.CorrelationId, version), cancellationToken);
        return WorkflowJsonResults.At(context, StatusCodes.Status202Accepted, $"{WorkflowInstancesApi.Prefix}/{started.InstanceId}", started);
    }

    /// <summary>A new id, or with an idempotency key one derived from it (per definition), so a retried request maps to the same instance.</summary>
    private static string InstanceId(string definitionId, string? idempotencyKey) => idempotencyKey is null
        ? WebhookIds.NewInstanceId()
        : "wfi_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{definitionId}\n{idempotencyKey}")))[..32];
}

/// <param name="Input">The workflow's inputs by name (the definition lists them; required ones must be given).</param>
/// <param name="Version">A published version to start on instead of the current one.</param>
public sealed record DispatchWorkflow(JsonObject? Input, string? CorrelationId, int? Version);
