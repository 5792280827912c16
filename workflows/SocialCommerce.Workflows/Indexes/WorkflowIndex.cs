using System.Data.Common;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Indexes;

/// <summary>Reads the workflow index tables: lists with filters and paging, and who waits on a bookmark or owns a trigger.</summary>
public sealed class WorkflowIndex(IDatabase database)
{
    public async Task<Page<InstanceSummary>> ListInstancesAsync(InstanceFilter filter, int offset, int limit, CancellationToken cancellationToken = default)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        if (filter.DefinitionId is { } definition)
        {
            conditions.Add("definition_id = @definition");
            parameters.Add(("@definition", definition));
        }
        if (filter.Status is { } status)
        {
            conditions.Add("status = @status");
            parameters.Add(("@status", status.ToString()));
        }
        if (filter.CorrelationId is { } correlation)
        {
            conditions.Add("correlation_id = @correlation");
            parameters.Add(("@correlation", correlation));
        }
        if (filter.CreatedFrom is { } from)
        {
            conditions.Add("created_at >= @createdFrom");
            parameters.Add(("@createdFrom", from.ToUnixTimeMilliseconds()));
        }
        if (filter.CreatedBefore is { } before)
        {
            conditions.Add("created_at < @createdBefore");
            parameters.Add(("@createdBefore", before.ToUnixTimeMilliseconds()));
        }
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var total = Convert.ToInt32(await ScalarAsync(connection, $"SELECT COUNT(*) FROM workflow_instances {where}", parameters, cancellationToken));
        var items = await ReadAsync(connection,
            $"SELECT instance_id, definition_id, version, status, correlation_id, created_at, updated_at FROM workflow_instances {where} " +
            "ORDER BY created_at DESC, instance_id LIMIT @limit OFFSET @offset",
            [.. parameters, ("@limit", limit), ("@offset", offset)],
            r => new InstanceSummary(r.GetString(0), r.GetString(1), r.GetInt32(2), Enum.Parse<WorkflowStatus>(r.GetString(3)),
                r.IsDBNull(4) ? null : r.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6))), cancellationToken);
        return new Page<InstanceSummary>(total, offset, items);
    }

    public async Task<Page<DefinitionListItem>> ListDefinitionsAsync(int offset, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var total = Convert.ToInt32(await ScalarAsync(connection, "SELECT COUNT(*) FROM workflow_definitions", [], cancellationToken));
        var items = await ReadAsync(connection,
            "SELECT definition_id, name, published_version, draft_version, retracted, updated_at FROM workflow_definitions ORDER BY name, definition_id LIMIT @limit OFFSET @offset",
            [("@limit", limit), ("@offset", offset)],
            r => new DefinitionListItem(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.IsDBNull(3) ? null : r.GetInt32(3),
                r.GetInt32(4) != 0, DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5))), cancellationToken);
        return new Page<DefinitionListItem>(total, offset, items);
    }

    /// <summary>Instances of the definition (any version) that have not ended: running, suspended or faulted.</summary>
    public async Task<int> CountActiveInstancesAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return Convert.ToInt32(await ScalarAsync(connection,
            "SELECT COUNT(*) FROM workflow_instances WHERE definition_id = @definition AND status NOT IN (@finished, @cancelled)",
            [("@definition", definitionId), ("@finished", nameof(WorkflowStatus.Finished)), ("@cancelled", nameof(WorkflowStatus.Cancelled))],
            cancellationToken));
    }

    /// <summary>Instances waiting on a bookmark of this name whose correlation matches (a bookmark without one matches any).</summary>
    public async Task<IReadOnlyList<string>> FindWaitingAsync(string bookmarkName, string? correlationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection,
            "SELECT DISTINCT instance_id FROM workflow_bookmarks WHERE name = @name AND (correlation_id IS NULL OR correlation_id = @correlation)",
            [("@name", bookmarkName), ("@correlation", correlationId)], r => r.GetString(0), cancellationToken);
    }

    public async Task<string?> FindByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (string?)await ScalarAsync(connection, "SELECT instance_id FROM workflow_bookmarks WHERE token = @token", [("@token", token)], cancellationToken);
    }

    /// <summary>Published definitions with a trigger of this type and key (an EventTrigger's event name, a webhook's slug).</summary>
    public async Task<IReadOnlyList<TriggerOwner>> FindTriggerOwnersAsync(string type, string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection,
            "SELECT definition_id, activity_id, version FROM workflow_triggers WHERE type = @type AND trigger_key = @key ORDER BY definition_id",
            [("@type", type), ("@key", key)], r => new TriggerOwner(r.GetString(0), r.GetString(1), r.GetInt32(2)), cancellationToken);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, IEnumerable<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is DBNull ? null : result;
    }

    private static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, IEnumerable<(string, object?)> parameters, Func<DbDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }
        var items = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader));
        }
        return items;
    }
}

/// <param name="CreatedFrom">Inclusive.</param>
/// <param name="CreatedBefore">Exclusive.</param>
public sealed record InstanceFilter(string? DefinitionId = null, WorkflowStatus? Status = null, string? CorrelationId = null,
    DateTimeOffset? CreatedFrom = null, DateTimeOffset? CreatedBefore = null);

public sealed record Page<T>(int Total, int Offset, IReadOnlyList<T> Items);

public sealed record InstanceSummary(string InstanceId, string DefinitionId, int Version, WorkflowStatus Status, string? CorrelationId,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record DefinitionListItem(string DefinitionId, string Name, int? PublishedVersion, int? DraftVersion, bool Retracted, DateTimeOffset UpdatedAt);

public sealed record TriggerOwner(string DefinitionId, string ActivityId, int Version);
