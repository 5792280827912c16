using Microsoft.Extensions.Options;
using SocialCommerce.Cluster;
using SocialCommerce.Cluster.Storage;

namespace SocialCommerce.Workflows.Webhooks;

/// <summary>
/// Deletes deliveries older than <see cref="WebhookRetentionOptions.DeliveryRetention"/>: their log rows and their
/// delivery grains (the stored request and the dedup record). A delivery grain is written once, when it is
/// accepted, and leaves memory a minute after its last call, so deleting its old row cannot race a live turn.
/// </summary>
internal sealed class WebhookRetentionRule(IDatabase database, IOptions<WebhookRetentionOptions> options) : IRetentionRule
{
    public string Name => "webhooks.deliveries";

    public async Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retention = options.Value.DeliveryRetention;
        if (retention < WebhookRetentionOptions.MinimumDeliveryRetention)
        {
            throw new InvalidOperationException(
                $"Webhooks:DeliveryRetention is {retention}; it must be at least {WebhookRetentionOptions.MinimumDeliveryRetention} so that repeats are recognised for 72 hours.");
        }
        var cutoff = (now - retention).ToUnixTimeMilliseconds();
        void Bind(System.Data.Common.DbCommand command) => command.With("@cutoff", cutoff).With("@type", WebhookDeliveryGrain.GrainTypeName);
        var deleted = await ChunkedDelete.RunAsync(database,
            "DELETE FROM webhook_deliveries WHERE delivery_id IN " +
            $"(SELECT delivery_id FROM webhook_deliveries WHERE received_at < @cutoff LIMIT {ChunkedDelete.Size})",
            Bind, cancellationToken);
        deleted += await ChunkedDelete.RunAsync(database,
            "DELETE FROM grain_state WHERE grain_type = @type AND grain_key IN " +
            $"(SELECT grain_key FROM grain_state WHERE grain_type = @type AND updated_at < @cutoff LIMIT {ChunkedDelete.Size})",
            Bind, cancellationToken);
        return deleted;
    }
}
