namespace SocialCommerce.Cluster.Storage;

/// <summary>The grain runtime's own tables: grain state, outbox, reminders and the subscribers' inbox.</summary>
internal sealed class ClusterMigrations : IMigrationSource
{
    public const string ModuleName = "cluster";

    public string Module => ModuleName;

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "grain state, outbox, reminders, inbox",
            SqliteSql: Schema("INTEGER PRIMARY KEY AUTOINCREMENT"),
            PostgresSql: Schema("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")),
        new(2, "indexes for the retention of dispatched events and inbox records",
            SqliteSql: RetentionIndexes, PostgresSql: RetentionIndexes),
    ];

    private const string RetentionIndexes = """
        CREATE INDEX ix_outbox_dispatched ON outbox (dispatched_at) WHERE dispatched_at IS NOT NULL;
        CREATE INDEX ix_event_inbox_handled ON event_inbox (handled_at);
        """;

    private static string Schema(string sequenceColumn) => $"""
        CREATE TABLE grain_state (
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            version BIGINT NOT NULL,
            payload TEXT NOT NULL,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (grain_type, grain_key));

        CREATE TABLE outbox (
            sequence {sequenceColumn},
            event_id TEXT NOT NULL UNIQUE,
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            event_type TEXT NOT NULL,
            payload TEXT NOT NULL,
            occurred_at BIGINT NOT NULL,
            dispatched_at BIGINT NULL,
            attempts INT NOT NULL DEFAULT 0,
            next_attempt_at BIGINT NOT NULL DEFAULT 0,
            lease_until BIGINT NOT NULL DEFAULT 0,
            last_error TEXT NULL);
        CREATE INDEX ix_outbox_pending ON outbox (sequence) WHERE dispatched_at IS NULL;

        CREATE TABLE reminders (
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            name TEXT NOT NULL,
            due_at BIGINT NOT NULL,
            period_ms BIGINT NULL,
            lease_until BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY (grain_type, grain_key, name));
        CREATE INDEX ix_reminders_due ON reminders (due_at);

        CREATE TABLE event_inbox (
            subscriber TEXT NOT NULL,
            event_id TEXT NOT NULL,
            handled_at BIGINT NOT NULL,
            PRIMARY KEY (subscriber, event_id));
        """;
}
