using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialCommerce.Cluster.Outbox;
using SocialCommerce.Cluster.Reminders;
using SocialCommerce.Cluster.Retention;
using SocialCommerce.Cluster.Storage;

namespace SocialCommerce.Cluster.Hosting;

/// <summary>
/// Starts the cluster with the host: migrations first (so nothing touches a table that is not there yet), then
/// the reminder service, the outbox dispatcher and the retention loop. Registered by <c>AddCluster</c> before any other hosted
/// service, so that those may use grains in their own start-up.
/// </summary>
internal sealed class ClusterHostedService(
    MigrationRunner migrations,
    ReminderService reminders,
    OutboxDispatcher outbox,
    RetentionService retention,
    IDatabase database,
    IOptions<ClusterOptions> options,
    ILogger<ClusterHostedService> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrations.ApplyAsync(cancellationToken);
        if (options.Value.RunReminders)
        {
            _loops.Add(Task.Run(() => reminders.RunAsync(_stopping.Token), CancellationToken.None));
        }
        if (options.Value.DispatchOutbox)
        {
            _loops.Add(Task.Run(() => outbox.RunAsync(_stopping.Token), CancellationToken.None));
        }
        if (options.Value.RunRetention)
        {
            _loops.Add(Task.Run(() => retention.RunAsync(_stopping.Token), CancellationToken.None));
        }
        logger.LogInformation("Cluster node {NodeName} started on {Provider}", options.Value.NodeName, database.Provider);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops).WaitAsync(cancellationToken);
    }
}
