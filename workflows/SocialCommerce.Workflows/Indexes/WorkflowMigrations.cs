using SocialCommerce.Cluster.Storage;

namespace SocialCommerce.Workflows.Indexes;

/// <summary>
/// The lists grains cannot answer — definitions, instances by filter, bookmarks by name and correlation, trigger
/// owners — kept from the outbox by <see cref="WorkflowIndexSubscriber"/>. They are lookups, not the truth: the
/// truth is the grain, and every resume is checked there again.
/// </summary>
internal sealed class WorkflowMigrations : IMigrationSource
{
    public string Module => "workflows";

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        Migration.Same(1, "workflow indexes", """
            CREATE TABLE workflow_definitions (
                definition_id TEXT NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                published_version INT NULL,
                draft_version INT NULL,
                retracted INT NOT NULL DEFAULT 0,
                updated_at BIGINT NOT NULL);
            CREATE TABLE workflow_instances (
                instance_id TEXT NOT NULL PRIMARY KEY,
                definition_id TEXT NOT NULL,
                version INT NOT NULL,
                status TEXT NOT NULL,
                correlation_id TEXT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                revision BIGINT NOT NULL);
            CREATE INDEX ix_workflow_instances_definition ON workflow_instances (definition_id, created_at);
            CREATE INDEX ix_workflow_instances_status ON workflow_instances (status, created_at);
            CREATE INDEX ix_workflow_instances_correlation ON workflow_instances (correlation_id);
            CREATE TABLE workflow_bookmarks (
                token TEXT NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                correlation_id TEXT NULL,
                instance_id TEXT NOT NULL);
            CREATE INDEX ix_workflow_bookmarks_name ON workflow_bookmarks (name, correlation_id);
            CREATE TABLE workflow_triggers (
                definition_id TEXT NOT NULL,
                activity_id TEXT NOT NULL,
                type TEXT NOT NULL,
                trigger_key TEXT NULL,
                version INT NOT NULL,
                PRIMARY KEY (definition_id, activity_id));
            CREATE INDEX ix_workflow_triggers_key ON workflow_triggers (type, trigger_key);
            """),
    ];
}
