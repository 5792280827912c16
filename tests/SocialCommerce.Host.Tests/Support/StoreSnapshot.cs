using SocialCommerce.Testing;

namespace SocialCommerce.Host.Tests.Support;

/// <summary>
/// What the database holds, reduced to what any write would change: every state write bumps a row's version (so
/// the sum moves), every emitted event adds an outbox row. Two equal snapshots mean nothing was written between them.
/// <see cref="Resource"/> is the API's own answer for the thing under test, compared as text.
/// </summary>
public sealed record StoreSnapshot(long StoredGrains, long VersionSum, long OutboxEvents, long LastEventSequence, string Resource)
{
    /// <summary>Waits until the outbox is delivered (list keepers write grains from events), then reads the store and <paramref name="resourcePath"/>.</summary>
    public static async Task<StoreSnapshot> TakeAsync(HostFactory host, HttpClient client, string resourcePath)
    {
        await GrainRows.WaitUntilOutboxDispatchedAsync(host.Database);
        return new StoreSnapshot(
            await GrainRows.ScalarAsync(host.Database, "SELECT COUNT(*) FROM grain_state"),
            await GrainRows.ScalarAsync(host.Database, "SELECT COALESCE(SUM(version), 0) FROM grain_state"),
            await GrainRows.ScalarAsync(host.Database, "SELECT COUNT(*) FROM outbox"),
            await GrainRows.ScalarAsync(host.Database, "SELECT COALESCE(MAX(sequence), 0) FROM outbox"),
            await client.GetStringAsync(resourcePath));
    }

    /// <summary>How many events of this type were emitted by grains whose key matches <paramref name="grainKey"/> (SQL LIKE: "%" for any).</summary>
    public static Task<long> CountEventsAsync(TestDatabase database, string grainKey, string eventType) =>
        GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM outbox WHERE grain_key LIKE @key AND event_type = @type",
            ("@key", grainKey), ("@type", eventType));
}
