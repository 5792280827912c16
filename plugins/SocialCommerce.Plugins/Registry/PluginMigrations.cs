using SocialCommerce.Cluster.Storage;

namespace SocialCommerce.Plugins.Registry;

/// <summary>
/// The registry's tables. A pin references its version, so the database itself refuses to delete a pinned version
/// even when a delete and a pin race.
/// </summary>
internal sealed class PluginMigrations : IMigrationSource
{
    public const string ModuleName = "plugins";

    public string Module => ModuleName;

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        Migration.Same(1, "plugin versions and pins", """
            CREATE TABLE plugin_versions (
                name TEXT NOT NULL,
                version TEXT NOT NULL,
                kind TEXT NOT NULL,
                manifest TEXT NOT NULL,
                code TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                origin TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (name, version));

            CREATE TABLE plugin_pins (
                name TEXT NOT NULL,
                version TEXT NOT NULL,
                pinned_by TEXT NOT NULL,
                pinned_at BIGINT NOT NULL,
                PRIMARY KEY (name, version, pinned_by),
                FOREIGN KEY (name, version) REFERENCES plugin_versions (name, version));
            """),
    ];
}
