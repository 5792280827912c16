using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Plugins.Expressions;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Registry;
using SocialCommerce.Plugins.Running;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Validation;

namespace SocialCommerce.Workflows.Activities.Scripting;

/// <summary>
/// Publishing a version that runs plug-ins: each named plug-in version must be stored, of a kind the activity runs,
/// and compile (errors come back with the script's line and column); then it is pinned for the version
/// (<c>workflow:{id}@{version}</c>), so the registry refuses to delete it. Retracting unpins.
/// </summary>
internal sealed class PluginPins(ActivityRegistry activities, IServiceProvider services) : IPublishHook
{
    public async Task<IReadOnlyList<ValidationError>> OnPublishingAsync(WorkflowDefinition version, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var uses = PluginsOf(version).ToList();
        if (uses.Count == 0)
        {
            return errors;
        }
        var runner = services.GetService<PluginRunner>();
        var registry = services.GetService<PluginRegistry>();
        if (runner is null || registry is null)
        {
            errors.Add(new(ValidationCodes.PluginError, "This host runs no plug-ins (AddPlugins is not configured), so activities that run one cannot be published.",
                uses[0].ActivityId));
            return errors;
        }
        foreach (var use in uses)
        {
            try
            {
                var compiled = await runner.GetCompiledAsync(use.Name, use.Version, cancellationToken);
                if (!use.Kinds.Contains(compiled.Manifest.Kind))
                {
                    errors.Add(new(ValidationCodes.PluginError,
                        $"Activity '{use.ActivityId}' runs plug-in {use.Name} {use.Version}, a {compiled.Manifest.Kind.Name()}; it needs a {string.Join(" or ", use.Kinds.Select(k => k.Name()))}.",
                        use.ActivityId, "plugin"));
                    continue;
                }
                CheckArgumentNames(use, compiled.Manifest, errors);
                await registry.PinAsync(use.Name, use.Version, PinnedBy(version.Id, version.Version), cancellationToken);
            }
            catch (PluginNotFoundException)
            {
                errors.Add(new(ValidationCodes.PluginError,
                    $"Activity '{use.ActivityId}' runs plug-in {use.Name} {use.Version}, which is not in the registry; upload it or pick a stored version.",
                    use.ActivityId, "pluginVersion"));
            }
            catch (ScriptCompilationException e)
            {
                errors.AddRange(e.Diagnostics.Select(d => new ValidationError(ValidationCodes.PluginError,
                    $"Activity '{use.ActivityId}': plug-in {use.Name} {use.Version} does not compile at ({d.Line},{d.Column}): {d.Id}: {d.Message}",
                    use.ActivityId, "plugin", d.Line, d.Column)));
            }
        }
        return errors;
    }

    public async Task OnReleasedAsync(WorkflowDefinition version, CancellationToken cancellationToken)
    {
        if (services.GetService<PluginRegistry>() is not { } registry)
        {
            return;
        }
        foreach (var use in PluginsOf(version))
        {
            await registry.UnpinAsync(use.Name, use.Version, PinnedBy(version.Id, version.Version), cancellationToken);
        }
    }

    /// <summary>Who holds a pin: the published workflow version.</summary>
    public static string PinnedBy(string definitionId, int version) => $"workflow:{definitionId}@{version}";

    private IEnumerable<PluginUse> PluginsOf(WorkflowDefinition definition)
    {
        foreach (var node in definition.Root.Activities)
        {
            if (activities.Find(node.Type) is not { } descriptor || descriptor.ClrType.GetCustomAttribute<UsesPluginAttribute>() is not { } uses)
            {
                continue;
            }
            var name = Literal(node, "plugin");
            var version = Literal(node, "pluginVersion");
            if (name is not null && version is not null)
            {
                yield return new PluginUse(node.Id, name, version, uses.Kinds,
                    node.Inputs.TryGetValue("arguments", out var arguments) && arguments.Kind == InputKind.Literal ? arguments.Literal as JsonObject : null);
            }
        }
    }

    private static void CheckArgumentNames(PluginUse use, PluginManifest manifest, List<ValidationError> errors)
    {
        foreach (var (name, _) in use.LiteralArguments ?? [])
        {
            if (manifest.Inputs.All(i => i.Name != name))
            {
                errors.Add(new(ValidationCodes.PluginError,
                    $"Activity '{use.ActivityId}' passes '{name}', which plug-in {use.Name} {use.Version} does not take; it takes {string.Join(", ", manifest.Inputs.Select(i => i.Name))}.",
                    use.ActivityId, "arguments"));
            }
        }
    }

    private static string? Literal(ActivityNode node, string input) =>
        node.Inputs.FirstOrDefault(i => string.Equals(i.Key, input, StringComparison.OrdinalIgnoreCase)).Value is { Kind: InputKind.Literal, Literal: JsonValue value }
        && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private sealed record PluginUse(string ActivityId, string Name, string Version, IReadOnlyList<PluginKind> Kinds, JsonObject? LiteralArguments);
}
