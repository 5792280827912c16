using Microsoft.Extensions.Options;
using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Cluster.Storage;

namespace SocialCommerce.Cluster.Retention;

/// <summary>
/// Dispatched outbox events and the subscribers' inbox records, once older than <c>Cluster:EventRetention</c>. An
/// event is only redelivered while it is undispatched, so an inbox record outlives its use as soon as its event is
/// dispatched; both are kept a while for operators who look back at what happened.
/// </summary>
internal sealed class OutboxRetentionRule(IDatabase database, IOptions<ClusterOptions> options) : IRetentionRule
{
    public string Name => "cluster.outbox";

    public async Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = (now - options.Value.EventRetention).ToUnixTimeMilliseconds();
        void Bind(System.Data.Common.DbCommand command) => command.With("@cutoff", cutoff);
        var deleted = await ChunkedDelete.RunAsync(database,
            $"DELETE FROM outbox WHERE sequence IN (SELECT sequence FROM outbox WHERE dispatched_at < @cutoff LIMIT {ChunkedDelete.Size})",
            Bind, cancellationToken);
        deleted += await ChunkedDelete.RunAsync(database,
            "DELETE FROM event_inbox WHERE (subscriber, event_id) IN " +
            $"(SELECT subscriber, event_id FROM event_inbox WHERE handled_at < @cutoff LIMIT {ChunkedDelete.Size})",
            Bind, cancellationToken);
        return deleted;
    }
}
