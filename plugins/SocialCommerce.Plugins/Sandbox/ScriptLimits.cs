namespace SocialCommerce.Plugins.Sandbox;

/// <summary>
/// What one run of a script may spend. Steps are counted at every loop iteration and method or lambda entry, so an
/// infinite loop or a runaway recursion ends within <see cref="MaxSteps"/>; the allocation counter is read every 64
/// steps and at every array, the clock and the cancellation token every 4,096 steps.
/// </summary>
public sealed record ScriptLimits
{
    public static ScriptLimits Default { get; } = new();

    public long MaxSteps { get; init; } = 20_000_000;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Bytes the run may allocate on its thread (all of it, not just what is still alive).</summary>
    public long MaxAllocatedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Largest length of one array the script creates with <c>new T[n]</c>.</summary>
    public int MaxArrayLength { get; init; } = 16 * 1024 * 1024;
}
