using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SocialCommerce.Plugins.Compilation;
using SocialCommerce.Plugins.Expressions;
using SocialCommerce.Plugins.Running;
using SocialCommerce.Plugins.Sdk;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities.Scripting;

/// <summary>
/// An activity that runs one stored plug-in version, named by literals so that publishing can check and pin it
/// (<see cref="PluginPins"/>). The compiled plug-in is fetched once per published version (an activity object lives
/// as long as its version's plan) and every run is budgeted by the sandbox; whatever the script does wrong comes out
/// as an exception that the engine turns into an incident of the instance.
/// </summary>
public abstract class PluginActivity(PluginRunner runner) : Activity
{
    private CompiledPlugin? _compiled;

    [Input("The plug-in's name, as stored in the registry.", Required = true, LiteralOnly = true)]
    public Input<string> Plugin { get; set; } = "";

    [Input("The plug-in version this workflow version runs; publishing pins it so it cannot be deleted while in use.",
        Required = true, LiteralOnly = true)]
    public Input<string> PluginVersion { get; set; } = "";

    [Input("The plug-in's inputs as a JSON object by input name: a literal, a variable, or a C# expression such as " +
        "new Dictionary<string, object?> { [\"target\"] = target }.", UiHint = UiHints.Json)]
    public Input<JsonNode?> Arguments { get; set; } = new((JsonNode?)null);

    /// <summary>Runs the plug-in with the evaluated <see cref="Arguments"/> (plus <paramref name="extra"/>) for <paramref name="subject"/>.</summary>
    /// <exception cref="PluginActivityException">The script failed, was stopped, or its inputs do not fit its manifest.</exception>
    protected async ValueTask<PluginRunResult> RunPluginAsync(ActivityContext context, PluginRunContext subject,
        IReadOnlyDictionary<string, object?>? extra = null)
    {
        var name = Plugin.Literal;
        var version = PluginVersion.Literal;
        try
        {
            // A benign race: two first runs may both fetch; the compiler caches by content, so both get one assembly.
            var plugin = _compiled ??= await runner.GetCompiledAsync(name, version, context.CancellationToken);
            var arguments = PluginArguments.From(await Arguments.EvaluateAsync(context));
            foreach (var (key, value) in extra ?? new Dictionary<string, object?>())
            {
                arguments[key] = value;
            }
            var result = runner.Run(plugin, arguments, subject, context.CancellationToken);
            foreach (var line in result.Log)
            {
                context.Logger.LogInformation("Plug-in {Plugin} {PluginVersion} in instance {InstanceId}, activity {ActivityId}: {ScriptLog}",
                    name, version, context.InstanceId, context.ActivityId, line);
            }
            return result;
        }
        catch (Exception e) when (e is ScriptException or ArgumentException or Plugins.Registry.PluginNotFoundException)
        {
            throw new PluginActivityException($"Plug-in {name} {version} in activity '{context.ActivityId}': {e.Message}", e);
        }
    }
}

/// <summary>A plug-in run failed; the message (the script's own, or the sandbox's budget message) becomes the incident's.</summary>
public sealed class PluginActivityException(string message, Exception inner) : Exception(message, inner);
