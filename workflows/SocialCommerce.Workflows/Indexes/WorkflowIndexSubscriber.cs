using System.Data.Common;
using SocialCommerce.Cluster;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Instances;
using SocialCommerce.Workflows.Runtime;

namespace SocialCommerce.Workflows.Indexes;

/// <summary>
/// Keeps the workflow index tables from the outbox, one transaction per dispatch pass (on SQLite a transaction per
/// event would fight group commit for the write lock). Every write is idempotent (upserts guarded by revision,
/// inserts that ignore a duplicate, deletes), so a redelivered event changes nothing.
/// </summary>
internal sealed class WorkflowIndexSubscriber(IDatabase database) : IBatchingEventSubscriber
{
    private readonly Lock _lock = new();
    private List<Write> _unwritten = [];

    public string Name => "workflow-indexes";

    /// <summary>Queues the event's index writes; <see cref="FlushAsync"/> writes a whole dispatch pass in one transaction.</summary>
    public Task HandleAsync(OutboxEvent domainEvent, CancellationToken cancellationToken)
    {
        Write? write = domainEvent.EventType switch
        {
            "workflow.instance-changed" => Bind(domainEvent.Read<WorkflowInstanceChanged>(), InstanceChangedAsync),
            "workflow.definition-saved" => Bind((domainEvent.Read<WorkflowDefinitionSaved>(), domainEvent.OccurredAt), DefinitionSavedAsync),
            "workflow.definition-published" => Bind((domainEvent.Read<WorkflowDefinitionPublished>(), domainEvent.OccurredAt), DefinitionPublishedAsync),
            "workflow.definition-retracted" => Bind((domainEvent.Read<WorkflowDefinitionRetracted>(), domainEvent.OccurredAt), DefinitionRetractedAsync),
            "workflow.definition-deleted" => Bind(domainEvent.Read<WorkflowDefinitionDeleted>(), DefinitionDeletedAsync),
            _ => null,
        };
        if (write is not null)
        {
            lock (_lock)
            {
                _unwritten.Add(write);
            }
        }
        return Task.CompletedTask;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        List<Write> writes;
        lock (_lock)
        {
            (writes, _unwritten) = (_unwritten, []);
        }
        if (writes.Count == 0)
        {
            return;
        }
        // If this throws, the dispatcher delivers the whole batch again and its events are queued afresh.
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var write in writes)
        {
            await write(connection, transaction, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private delegate Task Write(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    private static Write Bind<T>(T value, Func<T, DbConnection, DbTransaction, CancellationToken, Task> write) =>
        (connection, transaction, cancellationToken) => write(value, connection, transaction, cancellationToken);

    private static async Task InstanceChangedAsync(WorkflowInstanceChanged changed, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync("""
            INSERT INTO workflow_instances (instance_id, definition_id, version, status, correlation_id, created_at, updated_at, revision)
            VALUES (@id, @definition, @version, @status, @correlation, @created, @updated, @revision)
            ON CONFLICT (instance_id) DO UPDATE SET status = excluded.status, correlation_id = excluded.correlation_id,
                updated_at = excluded.updated_at, revision = excluded.revision
            WHERE workflow_instances.revision < excluded.revision
            """, cancellationToken, transaction,
            ("@id", changed.InstanceId), ("@definition", changed.DefinitionId), ("@version", changed.Version), ("@status", changed.Status.ToString()),
            ("@correlation", changed.CorrelationId), ("@created", changed.CreatedAt.ToUnixTimeMilliseconds()),
            ("@updated", changed.UpdatedAt.ToUnixTimeMilliseconds()), ("@revision", changed.Revision));
        foreach (var bookmark in changed.AddedBookmarks)
        {
            await connection.ExecuteAsync("""
                INSERT INTO workflow_bookmarks (token, name, correlation_id, instance_id) VALUES (@token, @name, @correlation, @instance)
                ON CONFLICT (token) DO NOTHING
                """, cancellationToken, transaction,
                ("@token", bookmark.Token), ("@name", bookmark.Name), ("@correlation", bookmark.CorrelationId), ("@instance", changed.InstanceId));
        }
        foreach (var token in changed.RemovedBookmarks)
        {
            await connection.ExecuteAsync("DELETE FROM workflow_bookmarks WHERE token = @token", cancellationToken, transaction, ("@token", token));
        }
    }

    private static async Task DefinitionSavedAsync((WorkflowDefinitionSaved Saved, DateTimeOffset At) e, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var (saved, at) = e;
        await connection.ExecuteAsync("""
            INSERT INTO workflow_definitions (definition_id, name, draft_version, updated_at) VALUES (@id, @name, @draft, @at)
            ON CONFLICT (definition_id) DO UPDATE SET name = excluded.name, draft_version = excluded.draft_version, updated_at = excluded.updated_at
            WHERE workflow_definitions.updated_at <= excluded.updated_at
            """, cancellationToken, transaction, ("@id", saved.DefinitionId), ("@name", saved.Name), ("@draft", saved.DraftVersion),
            ("@at", at.ToUnixTimeMilliseconds()));
    }

    private static async Task DefinitionPublishedAsync((WorkflowDefinitionPublished Published, DateTimeOffset At) e, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var (published, at) = e;
        await connection.ExecuteAsync("""
            INSERT INTO workflow_definitions (definition_id, name, published_version, draft_version, retracted, updated_at)
            VALUES (@id, @name, @version, NULL, 0, @at)
            ON CONFLICT (definition_id) DO UPDATE SET name = excluded.name, published_version = excluded.published_version,
                draft_version = CASE WHEN workflow_definitions.draft_version <= excluded.published_version THEN NULL ELSE workflow_definitions.draft_version END,
                retracted = 0, updated_at = excluded.updated_at
            WHERE workflow_definitions.published_version IS NULL OR workflow_definitions.published_version <= excluded.published_version
            """, cancellationToken, transaction, ("@id", published.DefinitionId), ("@name", published.Name), ("@version", published.Version),
            ("@at", at.ToUnixTimeMilliseconds()));
        await connection.ExecuteAsync("DELETE FROM workflow_triggers WHERE definition_id = @id AND version < @version", cancellationToken, transaction,
            ("@id", published.DefinitionId), ("@version", published.Version));
        foreach (var trigger in published.Triggers)
        {
            await connection.ExecuteAsync("""
                INSERT INTO workflow_triggers (definition_id, activity_id, type, trigger_key, version) VALUES (@id, @activity, @type, @key, @version)
                ON CONFLICT (definition_id, activity_id) DO UPDATE SET type = excluded.type, trigger_key = excluded.trigger_key, version = excluded.version
                WHERE workflow_triggers.version <= excluded.version
                """, cancellationToken, transaction, ("@id", published.DefinitionId), ("@activity", trigger.ActivityId), ("@type", trigger.Type),
                ("@key", TriggerKey(trigger)), ("@version", published.Version));
        }
    }

    private static async Task DefinitionRetractedAsync((WorkflowDefinitionRetracted Retracted, DateTimeOffset At) e, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var (retracted, at) = e;
        await connection.ExecuteAsync("UPDATE workflow_definitions SET retracted = 1, published_version = NULL, updated_at = @at WHERE definition_id = @id",
            cancellationToken, transaction, ("@id", retracted.DefinitionId), ("@at", at.ToUnixTimeMilliseconds()));
        await connection.ExecuteAsync("DELETE FROM workflow_triggers WHERE definition_id = @id", cancellationToken, transaction, ("@id", retracted.DefinitionId));
    }

    private static async Task DefinitionDeletedAsync(WorkflowDefinitionDeleted deleted, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync("DELETE FROM workflow_definitions WHERE definition_id = @id", cancellationToken, transaction, ("@id", deleted.DefinitionId));
        await connection.ExecuteAsync("DELETE FROM workflow_triggers WHERE definition_id = @id", cancellationToken, transaction, ("@id", deleted.DefinitionId));
    }

    /// <summary>What a trigger is found by: an event trigger's event name, a webhook's slug, a timer's schedule.</summary>
    private static string? TriggerKey(PublishedTrigger trigger) =>
        trigger.Settings.GetValueOrDefault("eventName") ?? trigger.Settings.GetValueOrDefault("slug")
        ?? trigger.Settings.GetValueOrDefault("expression") ?? trigger.Settings.GetValueOrDefault("interval");
}
