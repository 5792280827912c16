using SocialCommerce.Plugins.Compilation;
using SocialCommerce.Plugins.Sandbox;
using SocialCommerce.Plugins.Sdk;

namespace SocialCommerce.Plugins.Running;

/// <summary>
/// A compiled commission formula with its inputs bound. <see cref="Calculate"/> is one budgeted run;
/// <see cref="CalculateMany"/> runs a whole batch under one budget, which is how settlement computes thousands of
/// commissions at the speed of plain C#.
/// </summary>
public sealed class CommissionFormula
{
    private readonly CompiledPlugin _plugin;
    private readonly object?[] _inputs;
    private readonly TimeProvider _time;
    private readonly ScriptLimits _limits;

    internal CommissionFormula(CompiledPlugin plugin, object?[] inputs, TimeProvider time, ScriptLimits limits)
    {
        _plugin = plugin;
        _inputs = inputs;
        _time = time;
        _limits = limits;
    }

    /// <summary>The commission in fen for one order of one promoter.</summary>
    public long Calculate(PromoterView promoter, OrderView order, CancellationToken cancellationToken = default)
    {
        var script = NewScript(new ScriptLog());
        script.Use(promoter, null, order);
        return ScriptExecution.Run(static s => s.Calculate(), script, _limits, _plugin.FileName, cancellationToken);
    }

    /// <summary>Commissions for many (promoter, order) pairs into <paramref name="commissions"/>, under one budget for the batch.</summary>
    public void CalculateMany(IReadOnlyList<(PromoterView Promoter, OrderView Order)> items, long[] commissions,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(commissions.Length, items.Count, nameof(commissions));
        var script = NewScript(new ScriptLog());
        ScriptExecution.Run(state =>
        {
            var (formula, list, results) = state;
            for (var i = 0; i < list.Count; i++)
            {
                formula.Use(list[i].Promoter, null, list[i].Order);
                results[i] = formula.Calculate();
            }
            return 0;
        }, (script, items, commissions), _limits, _plugin.FileName, cancellationToken);
    }

    private CommissionFormulaScript NewScript(ScriptLog log)
    {
        var script = (CommissionFormulaScript)_plugin.CreateScript();
        script.Attach(PluginRunContext.Empty, log, _time);
        script.SetInputs(_inputs);
        return script;
    }
}
