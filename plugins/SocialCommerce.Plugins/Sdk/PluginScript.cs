namespace SocialCommerce.Plugins.Sdk;

/// <summary>
/// The globals every plug-in sees: <see cref="Log"/>, <see cref="Now"/> and the promoter, group and order it runs
/// for (null when the caller has none). A plug-in's code becomes the body of a generated subclass of the class for
/// its kind, whose typed properties are the manifest's inputs, so a script reads <c>Promoter.MonthlyGmvFen</c> or an
/// input <c>targetFans</c> by name.
/// </summary>
public abstract class PluginScript
{
    private TimeProvider _time = TimeProvider.System;

    public ScriptLog Log { get; private set; } = new();

    /// <summary>The current time from the host's clock (a test or a replay controls it).</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    public PromoterView? Promoter { get; private set; }

    public GroupView? Group { get; private set; }

    public OrderView? Order { get; private set; }

    internal void Attach(PluginRunContext context, ScriptLog log, TimeProvider time)
    {
        Use(context.Promoter, context.Group, context.Order);
        Log = log;
        _time = time;
    }

    internal void Use(PromoterView? promoter, GroupView? group, OrderView? order)
    {
        Promoter = promoter;
        Group = group;
        Order = order;
    }

    /// <summary>Generated: copies the manifest's inputs (in manifest order) into the typed input properties.</summary>
    protected internal abstract void SetInputs(object?[] values);
}

/// <summary>A commission formula: the script returns the commission in fen.</summary>
public abstract class CommissionFormulaScript : PluginScript
{
    protected internal abstract long Calculate();
}

/// <summary>A task check: the script returns <see cref="Pass"/> or <see cref="Fail"/> with a reason.</summary>
public abstract class TaskCheckScript : PluginScript
{
    protected static TaskCheckResult Pass(string reason) => new(true, reason);

    protected static TaskCheckResult Fail(string reason) => new(false, reason);

    protected internal abstract TaskCheckResult Check();
}

/// <summary>An activity: the script assigns the manifest's outputs, which are fields of the same names.</summary>
public abstract class ActivityScript : PluginScript
{
    protected internal abstract void Execute();

    /// <summary>Generated: the output fields in manifest order.</summary>
    protected internal abstract object?[] GetOutputs();
}
