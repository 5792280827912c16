using System.Diagnostics;
using System.Runtime.CompilerServices;
using SocialCommerce.Plugins.Expressions;

namespace SocialCommerce.Plugins.Sandbox;

/// <summary>
/// The checks that <see cref="BudgetRewriter"/> writes into script code: <see cref="Step"/> in every loop body,
/// <see cref="Enter"/> at every method, local function and lambda entry, <see cref="ArrayLength(int)"/> around
/// every array size. Public only because compiled scripts call it; the sandbox refuses scripts that name it.
/// </summary>
/// <remarks>
/// The fast path is one decrement of a thread-static counter; only when a slice of steps is used up does
/// <see cref="Refill"/> look at the clock, the token and the allocation counter. Scripts are synchronous (the
/// sandbox refuses async and tasks), so the thread a run starts on is the thread it runs on. Once exceeded, the
/// run stays exceeded: every later step throws again, so a script that catches the exception cannot go on looping.
/// </remarks>
public static class ScriptBudget
{
    // Steps between looks at the allocation counter (cheap); the clock and the token are read every ClockSlices slices.
    private const long SliceSteps = 64;
    private const int ClockSlices = 64;

    [ThreadStatic] private static long t_stepsLeftInSlice;
    [ThreadStatic] private static ScriptRun? t_run;
    [ThreadStatic] private static ScriptRun? t_spare;

    public static void Step()
    {
        if (--t_stepsLeftInSlice < 0)
        {
            Refill();
        }
    }

    public static void Enter()
    {
        if (--t_stepsLeftInSlice < 0)
        {
            Refill();
        }
        // A stack overflow cannot be caught and would end the process, so stop well before it.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Exceed("it recursed too deep");
        }
    }

    public static int ArrayLength(int length)
    {
        CheckArrayLength(length);
        return length;
    }

    public static long ArrayLength(long length)
    {
        CheckArrayLength(length);
        return length;
    }

    internal static ScriptBudgetScope Begin(ScriptLimits limits, CancellationToken cancellationToken)
    {
        var previous = t_run;
        var previousSteps = t_stepsLeftInSlice;
        var run = previous is null && t_spare is { } spare ? spare : new ScriptRun();
        t_spare = null;
        run.Start(limits, cancellationToken);
        t_run = run;
        t_stepsLeftInSlice = Math.Min(SliceSteps, limits.MaxSteps);
        return new ScriptBudgetScope(run, previous, previousSteps);
    }

    internal static void End(in ScriptBudgetScope scope)
    {
        t_run = scope.Previous;
        t_stepsLeftInSlice = scope.PreviousSteps;
        if (scope.Previous is null)
        {
            t_spare = scope.Run;
        }
    }

    private static void CheckArrayLength(long length)
    {
        var run = t_run;
        var limit = run?.Limits.MaxArrayLength ?? ScriptLimits.Default.MaxArrayLength;
        if (length > limit)
        {
            Exceed($"an array of {length:N0} elements is larger than the limit of {limit:N0}");
        }
        // Arrays are where memory goes fast (a loop adding 1 MB arrays reaches gigabytes within one slice of steps),
        // so the allocation counter is read at each one, not only when a slice ends.
        if (run?.AllocationExceeded() is { } reason)
        {
            Exceed(reason);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Refill()
    {
        var run = t_run;
        if (run is null)
        {
            t_stepsLeftInSlice = 0;
            throw new ScriptBudgetExceededException(
                "script code ran outside its run (return finished values, e.g. with ToList(), not lazy sequences)");
        }
        run.StepsUsed += SliceSteps;
        run.ThrowIfStopped();
        var reason = ++run.Slices % ClockSlices == 0 ? run.Check() : run.AllocationExceeded();
        if (reason is not null)
        {
            Exceed(reason);
        }
        t_stepsLeftInSlice = SliceSteps;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Exceed(string reason)
    {
        t_stepsLeftInSlice = 0;
        var run = t_run;
        if (run is not null)
        {
            run.ExceededReason ??= reason;
            reason = run.ExceededReason;
        }
        throw new ScriptBudgetExceededException(reason);
    }

    /// <summary>The limits and counters of the run on this thread; one instance per thread is reused.</summary>
    internal sealed class ScriptRun
    {
        public ScriptLimits Limits { get; private set; } = ScriptLimits.Default;
        public long StepsUsed { get; set; }
        public long Slices { get; set; }
        public string? ExceededReason { get; set; }
        private long _deadline;
        private long _allocatedAtStart;
        private CancellationToken _cancellationToken;

        public void Start(ScriptLimits limits, CancellationToken cancellationToken)
        {
            Limits = limits;
            StepsUsed = 0;
            Slices = 0;
            ExceededReason = null;
            _cancellationToken = cancellationToken;
            _deadline = Stopwatch.GetTimestamp() + (long)(limits.Timeout.TotalSeconds * Stopwatch.Frequency);
            _allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
        }

        public bool IsCancelled => _cancellationToken.IsCancellationRequested;

        public void ThrowIfStopped()
        {
            if (ExceededReason is not null)
            {
                throw new ScriptBudgetExceededException(ExceededReason);
            }
            _cancellationToken.ThrowIfCancellationRequested();
        }

        public string? Check()
        {
            if (StepsUsed > Limits.MaxSteps)
            {
                return $"it ran more than {Limits.MaxSteps:N0} steps (an endless loop?)";
            }
            if (Stopwatch.GetTimestamp() > _deadline)
            {
                return $"it ran longer than {Limits.Timeout.TotalMilliseconds:N0} ms";
            }
            return AllocationExceeded();
        }

        public string? AllocationExceeded()
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread() - _allocatedAtStart;
            return allocated > Limits.MaxAllocatedBytes
                ? $"it allocated {allocated:N0} bytes, more than the limit of {Limits.MaxAllocatedBytes:N0}"
                : null;
        }
    }
}

/// <summary>One run's hold on the thread's budget; <see cref="ScriptExecution"/> opens and closes it.</summary>
internal readonly struct ScriptBudgetScope(ScriptBudget.ScriptRun run, ScriptBudget.ScriptRun? previous, long previousSteps)
{
    public ScriptBudget.ScriptRun Run { get; } = run;
    public ScriptBudget.ScriptRun? Previous { get; } = previous;
    public long PreviousSteps { get; } = previousSteps;
}
