using SocialCommerce.Cluster.Storage;

namespace SocialCommerce.Workflows.Webhooks;

/// <summary>
/// The delivery log: one row per delivery, refused or accepted. Hooks and accepted requests themselves live in
/// grains; this table is what grains cannot give — a list to page through and filter by status.
/// </summary>
internal sealed class WebhookMigrations : IMigrationSource
{
    public const string ModuleName = "webhooks";

    public string Module => ModuleName;

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        Migration.Same(1, "webhook delivery log", """
            CREATE TABLE webhook_deliveries (
                delivery_id TEXT NOT NULL PRIMARY KEY,
                slug TEXT NOT NULL,
                dedup_key TEXT NULL,
                received_at BIGINT NOT NULL,
                http_status INT NOT NULL,
                status TEXT NOT NULL,
                verification TEXT NOT NULL,
                headers TEXT NOT NULL,
                instance_ids TEXT NULL,
                replay_of TEXT NULL,
                error TEXT NULL,
                attempts INT NOT NULL DEFAULT 0,
                updated_at BIGINT NOT NULL);
            CREATE INDEX ix_webhook_deliveries_slug ON webhook_deliveries (slug, received_at);
            """),
    ];
}
