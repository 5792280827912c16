using Microsoft.Extensions.Options;
using SocialCommerce.Plugins.Compilation;
using SocialCommerce.Plugins.Expressions;
using SocialCommerce.Plugins.Hosting;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Registry;
using SocialCommerce.Plugins.Sandbox;
using SocialCommerce.Plugins.Sdk;

namespace SocialCommerce.Plugins.Running;

/// <summary>
/// Runs a plug-in version: fetch it from the registry, compile it (once per content hash), give it its inputs and
/// context, run it under the sandbox budget on the calling thread, and return its outputs by name. Whatever goes
/// wrong inside the script comes out as a <see cref="ScriptException"/> — the engine turns that into an incident.
/// </summary>
public sealed class PluginRunner(PluginRegistry registry, PluginCompiler compiler, TimeProvider time, IOptions<PluginOptions> options)
{
    private ScriptLimits Limits => options.Value.Limits;

    /// <summary>The compiled version (compiled at most once per content); the engine can hold it per published version.</summary>
    /// <exception cref="PluginNotFoundException"/>
    public async Task<CompiledPlugin> GetCompiledAsync(string name, string version, CancellationToken cancellationToken = default)
    {
        var stored = await registry.GetAsync(name, version, cancellationToken) ?? throw new PluginNotFoundException(name, version);
        return compiler.TryGet(stored.ContentHash) ?? compiler.Compile(stored.Manifest, stored.Code);
    }

    /// <summary>Fetches, compiles and runs a stored version.</summary>
    public async Task<PluginRunResult> RunAsync(string name, string version, IReadOnlyDictionary<string, object?> inputs,
        PluginRunContext context, CancellationToken cancellationToken = default) =>
        Run(await GetCompiledAsync(name, version, cancellationToken), inputs, context, cancellationToken);

    /// <summary>Runs a compiled plug-in with inputs by manifest name (missing ones read as their type's default).</summary>
    /// <exception cref="ArgumentException">An input does not convert to its declared type.</exception>
    /// <exception cref="ScriptException">The script threw, or exceeded its budget.</exception>
    public PluginRunResult Run(CompiledPlugin plugin, IReadOnlyDictionary<string, object?> inputs, PluginRunContext context,
        CancellationToken cancellationToken = default)
    {
        var manifest = plugin.Manifest;
        var script = Prepare(plugin, inputs, context, out var log);
        var values = ScriptExecution.Run(static s => s switch
        {
            CommissionFormulaScript formula => [formula.Calculate()],
            TaskCheckScript check => check.Check() is { } result ? [result.Passed, result.Reason] : [false, "the check returned no result"],
            ActivityScript activity => Execute(activity),
            _ => throw new InvalidOperationException($"No runner for {s.GetType().BaseType?.Name}."),
        }, script, Limits, plugin.FileName, cancellationToken);
        var outputs = manifest.EffectiveOutputs.Select((o, i) => (o.Name, Value: values[i])).ToDictionary(p => p.Name, p => p.Value);
        return new PluginRunResult(outputs, log.Entries);
    }

    /// <summary>
    /// A commission formula bound to its inputs, for computing many commissions fast (a month-end settlement): each
    /// call runs the compiled code directly, without dictionaries or boxing.
    /// </summary>
    public CommissionFormula PrepareCommissionFormula(CompiledPlugin plugin, IReadOnlyDictionary<string, object?> inputs)
    {
        if (plugin.Manifest.Kind != PluginKind.CommissionFormula)
        {
            throw new ArgumentException($"Plug-in {plugin.Manifest.Name} is a {plugin.Manifest.Kind.Name()}, not a commission formula.", nameof(plugin));
        }
        return new CommissionFormula(plugin, CoerceInputs(plugin.Manifest, inputs), time, Limits);
    }

    internal static object?[] CoerceInputs(PluginManifest manifest, IReadOnlyDictionary<string, object?> inputs)
    {
        var unknown = inputs.Keys.FirstOrDefault(k => manifest.Inputs.All(i => i.Name != k));
        if (unknown is not null)
        {
            throw new ArgumentException($"Plug-in {manifest.Name} has no input '{unknown}'; it takes {string.Join(", ", manifest.Inputs.Select(i => i.Name))}.");
        }
        return manifest.Inputs.Select(i => inputs.TryGetValue(i.Name, out var v) ? PluginValueType.Coerce(i.Type, v, i.Name) : null).ToArray();
    }

    private PluginScript Prepare(CompiledPlugin plugin, IReadOnlyDictionary<string, object?> inputs, PluginRunContext context, out ScriptLog log)
    {
        var values = CoerceInputs(plugin.Manifest, inputs);
        var script = plugin.CreateScript();
        log = new ScriptLog();
        script.Attach(context, log, time);
        script.SetInputs(values);
        return script;
    }

    private static object?[] Execute(ActivityScript activity)
    {
        activity.Execute();
        return activity.GetOutputs();
    }
}
