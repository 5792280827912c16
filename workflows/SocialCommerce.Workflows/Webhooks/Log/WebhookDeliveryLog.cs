using System.Data.Common;
using System.Text.Json;
using SocialCommerce.Cluster;
using SocialCommerce.Cluster.Storage;

namespace SocialCommerce.Workflows.Webhooks;

/// <summary>
/// The <c>webhook_deliveries</c> table. Refusals are written here directly (they change nothing else), batched by
/// <see cref="RefusalLogWriter"/>; accepted deliveries by the dispatcher once the engine answered, as an upsert keyed
/// by delivery id so that a redelivered event rewrites the same row.
/// </summary>
public sealed class WebhookDeliveryLog(IDatabase database, TimeProvider time)
{
    private const string Columns =
        "delivery_id, slug, dedup_key, received_at, http_status, status, verification, headers, instance_ids, replay_of, error, attempts";

    /// <summary>The log entry of a refused delivery (not yet written: see <see cref="RefusalLogWriter"/>).</summary>
    public WebhookLogEntry Refusal(string slug, int httpStatus, WebhookVerification verification, IReadOnlyDictionary<string, string> headers,
        string error) =>
        new(WebhookIds.NewDeliveryId(), slug, null, time.GetUtcNow(), httpStatus, WebhookDeliveryStatus.Refused, verification, headers, [], null,
            error, 0);

    /// <summary>
    /// Inserts or overwrites rows, all in one transaction (one commit for a whole dispatch pass, or for the refusals
    /// that arrived together); attempts count every write of a row after the first.
    /// </summary>
    public async Task RecordDispatchesAsync(IReadOnlyList<WebhookLogEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var entry in entries)
        {
            await WriteAsync(connection, transaction, entry, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<WebhookLogEntry?> GetAsync(string deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand($"SELECT {Columns} FROM webhook_deliveries WHERE delivery_id = @id")
            .With("@id", deliveryId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>A hook's deliveries, newest first, optionally only those of one status.</summary>
    public async Task<WebhookLogPage> ListAsync(string slug, WebhookDeliveryStatus? status, int offset, int limit, CancellationToken cancellationToken)
    {
        var filter = "slug = @slug" + (status is null ? "" : " AND status = @status");
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var count = Filtered(connection.CreateCommand($"SELECT COUNT(*) FROM webhook_deliveries WHERE {filter}"), slug, status);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken));
        await using var command = Filtered(connection.CreateCommand(
                $"SELECT {Columns} FROM webhook_deliveries WHERE {filter} ORDER BY received_at DESC, delivery_id DESC LIMIT @limit OFFSET @offset"),
            slug, status).With("@limit", limit).With("@offset", offset);
        var items = new List<WebhookLogEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }
        return new WebhookLogPage(total, offset, items);
    }

    private static DbCommand Filtered(DbCommand command, string slug, WebhookDeliveryStatus? status)
    {
        command.With("@slug", slug);
        return status is null ? command : command.With("@status", status.ToString());
    }

    private async Task WriteAsync(DbConnection connection, DbTransaction? transaction, WebhookLogEntry entry, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            $"""
            INSERT INTO webhook_deliveries ({Columns}, updated_at)
            VALUES (@id, @slug, @dedup, @received, @http, @status, @verification, @headers, @instances, @replayOf, @error, 0, @now)
            ON CONFLICT (delivery_id) DO UPDATE SET status = excluded.status, instance_ids = excluded.instance_ids,
                error = excluded.error, attempts = webhook_deliveries.attempts + 1, updated_at = excluded.updated_at
            """,
            cancellationToken, transaction,
            ("@id", entry.DeliveryId), ("@slug", entry.Slug), ("@dedup", entry.DedupKey),
            ("@received", entry.ReceivedAt.ToUnixTimeMilliseconds()), ("@http", entry.HttpStatus), ("@status", entry.Status.ToString()),
            ("@verification", entry.Verification.ToString()), ("@headers", JsonSerializer.Serialize(entry.Headers, ClusterJson.Options)),
            ("@instances", entry.InstanceIds.Count == 0 ? null : string.Join(' ', entry.InstanceIds)),
            ("@replayOf", entry.ReplayOf), ("@error", entry.Error), ("@now", time.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    private static WebhookLogEntry Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        reader.GetInt32(4),
        Enum.Parse<WebhookDeliveryStatus>(reader.GetString(5)),
        Enum.Parse<WebhookVerification>(reader.GetString(6)),
        JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(7), ClusterJson.Options) ?? [],
        reader.IsDBNull(8) ? [] : reader.GetString(8).Split(' '),
        reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.GetInt32(11));
}
