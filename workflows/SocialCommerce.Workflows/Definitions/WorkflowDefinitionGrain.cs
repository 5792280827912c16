using SocialCommerce.Cluster;
using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Runtime;
using SocialCommerce.Workflows.Validation;

namespace SocialCommerce.Workflows.Definitions;

[GrainType("workflowDefinition")]
internal sealed class WorkflowDefinitionGrain(IGrainState<WorkflowDefinitionState> state, IGrainFactory grains, DefinitionValidator validator,
    ActivityRegistry activities, TimeProvider time, IEnumerable<IPublishHook> hooks) : IWorkflowDefinitionGrain
{
    private string Id => state.Id.Key;

    public async Task<DraftSaved> SaveDraftAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        var draft = definition with { Id = Id, Version = state.State.LastVersion + 1, Status = DefinitionStatus.Draft };
        var errors = validator.Validate(draft).Errors;
        state.State.Draft = draft;
        state.State.Deleted = false;
        state.State.Name = draft.Name;
        state.State.UpdatedAt = time.GetUtcNow();
        state.Emit(new WorkflowDefinitionSaved(Id, draft.Name, draft.Version));
        await state.WriteAsync(cancellationToken);
        return new DraftSaved(draft, errors);
    }

    public Task<DefinitionSummary?> GetSummaryAsync(CancellationToken cancellationToken = default) => Task.FromResult(state.Exists && !state.State.Deleted
        ? new DefinitionSummary(Id, state.State.Name, state.State.PublishedVersion, state.State.Draft?.Version, state.State.Retracted,
            state.State.Versions, state.State.UpdatedAt)
        : null);

    public async Task<WorkflowDefinition?> GetLatestAsync(CancellationToken cancellationToken = default) =>
        state.State.Draft ?? (state.State.Versions.Count == 0
            ? null
            : await grains.Get<IWorkflowVersionGrain>(WorkflowVersionKey.For(Id, state.State.LastVersion)).GetAsync(cancellationToken));

    public async Task<WorkflowDefinition> PublishAsync(CancellationToken cancellationToken = default)
    {
        var draft = state.State.Draft ?? throw new InvalidOperationException($"Workflow definition '{Id}' has no draft to publish; save one first.");
        var errors = validator.Validate(draft).Errors;
        if (errors.Count > 0)
        {
            throw new WorkflowValidationException(Id, errors);
        }
        var published = draft with { Status = DefinitionStatus.Published };
        await HoldDependenciesAsync(published, cancellationToken);
        await grains.Get<IWorkflowVersionGrain>(WorkflowVersionKey.For(Id, published.Version)).FreezeAsync(published, cancellationToken);
        var now = time.GetUtcNow();
        state.State.Versions.Add(new DefinitionVersionInfo(published.Version, now));
        state.State.PublishedVersion = published.Version;
        state.State.Retracted = false;
        state.State.Draft = null;
        state.State.UpdatedAt = now;
        state.Emit(new WorkflowDefinitionPublished(Id, published.Version, published.Name, TriggersOf(published)));
        await state.WriteAsync(cancellationToken);
        return published;
    }

    public async Task RetractAsync(CancellationToken cancellationToken = default)
    {
        if (state.State.PublishedVersion is not { } version)
        {
            return;
        }
        state.State.PublishedVersion = null;
        state.State.Retracted = true;
        state.State.UpdatedAt = time.GetUtcNow();
        state.Emit(new WorkflowDefinitionRetracted(Id));
        await state.WriteAsync(cancellationToken);
        // After the write: should this turn fail, the version keeps its hold, which errs on the safe side.
        if (await grains.Get<IWorkflowVersionGrain>(WorkflowVersionKey.For(Id, version)).GetAsync(cancellationToken) is { } retracted)
        {
            foreach (var hook in hooks)
            {
                await hook.OnReleasedAsync(retracted, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Lets every publish hook check and hold what the version uses (plug-in pins). Older published versions keep their
    /// holds: instances started on them may still run.
    /// </summary>
    private async Task HoldDependenciesAsync(WorkflowDefinition published, CancellationToken cancellationToken)
    {
        var refused = new List<ValidationError>();
        foreach (var hook in hooks)
        {
            refused.AddRange(await hook.OnPublishingAsync(published, cancellationToken));
        }
        if (refused.Count == 0)
        {
            return;
        }
        foreach (var hook in hooks)
        {
            await hook.OnReleasedAsync(published, cancellationToken);
        }
        throw new WorkflowValidationException(Id, refused);
    }

    public async Task<bool> DeleteAsync(CancellationToken cancellationToken = default)
    {
        if (!state.Exists || state.State.Deleted)
        {
            return false;
        }
        if (state.State.PublishedVersion is not null)
        {
            state.Emit(new WorkflowDefinitionRetracted(Id));
        }
        state.State.DeletedAfterVersion = state.State.LastVersion;
        state.State.Versions.Clear();
        state.State.Draft = null;
        state.State.PublishedVersion = null;
        state.State.Retracted = false;
        state.State.Deleted = true;
        state.State.UpdatedAt = time.GetUtcNow();
        state.Emit(new WorkflowDefinitionDeleted(Id));
        await state.WriteAsync(cancellationToken);
        return true;
    }

    public Task<int?> GetPublishedVersionAsync(CancellationToken cancellationToken = default) => Task.FromResult(state.State.PublishedVersion);

    /// <summary>Every trigger activity with its literal settings (a webhook's slug, an event's name, a cron expression).</summary>
    private List<PublishedTrigger> TriggersOf(WorkflowDefinition definition) => definition.Root.Activities
        .Where(a => activities.Find(a.Type)?.Kind == ActivityKind.Trigger)
        .Select(a => new PublishedTrigger(a.Id, a.Type, a.Inputs
            .Where(i => i.Value.Kind == InputKind.Literal && i.Value.Literal is not null)
            .ToDictionary(i => i.Key, i => i.Value.Literal is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text) ? text : i.Value.Literal!.ToJsonString())))
        .ToList();
}
