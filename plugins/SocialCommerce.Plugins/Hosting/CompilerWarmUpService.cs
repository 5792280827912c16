using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialCommerce.Plugins.Compilation;
using SocialCommerce.Plugins.Expressions;

namespace SocialCommerce.Plugins.Hosting;

/// <summary>
/// Loads and JITs Roslyn in the background at start-up: the first compile in a process costs seconds, and it
/// should not be a workflow's first expression that pays it.
/// </summary>
internal sealed class CompilerWarmUpService(ExpressionCompiler compiler, TimeProvider time, ILogger<CompilerWarmUpService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Warming is per process: a second host in the same process (tests start many) has nothing to gain.
        if (ScriptCompiler.IsWarm)
        {
            return;
        }
        var started = time.GetTimestamp();
        try
        {
            await compiler.WarmUpAsync(stoppingToken);
            logger.LogInformation("C# compiler warmed up in {ElapsedMs:N0} ms", time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "C# compiler warm-up failed; the first compile will be slow");
        }
    }
}
