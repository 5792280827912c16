using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialCommerce.Cluster.Hosting;

namespace SocialCommerce.Cluster.Retention;

/// <summary>Runs every <see cref="IRetentionRule"/> now and then; one failing rule does not stop the others.</summary>
public sealed class RetentionService(IEnumerable<IRetentionRule> rules, TimeProvider time, IOptions<ClusterOptions> options,
    ILogger<RetentionService> logger)
{
    /// <summary>Runs every rule once; returns the rows deleted.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        foreach (var rule in rules)
        {
            try
            {
                var deleted = await rule.PruneAsync(time.GetUtcNow(), cancellationToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Retention rule {Rule} deleted {Rows} old rows", rule.Name, deleted);
                }
                total += deleted;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Retention rule {Rule} failed; it runs again in {Interval}", rule.Name, options.Value.RetentionInterval);
            }
        }
        return total;
    }

    internal Task RunAsync(CancellationToken stopping) =>
        PollingLoop.RunAsync(PruneAsync, cancellationToken => Task.Delay(options.Value.RetentionInterval, time, cancellationToken), logger,
            "Retention", stopping);
}
