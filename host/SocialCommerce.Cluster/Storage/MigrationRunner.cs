using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace SocialCommerce.Cluster.Storage;

/// <summary>
/// Applies every module's migrations in version order, each in its own transaction with its record in
/// <c>schema_migrations</c>. Running twice is a no-op; a database newer than this build stops start-up.
/// </summary>
public sealed class MigrationRunner(IDatabase database, IEnumerable<IMigrationSource> sources, ILogger<MigrationRunner> logger)
{
    // Any constant works; it only has to be the same on every node so that two hosts starting together
    // do not both create the same tables.
    private const long PostgresMigrationLockKey = 0x5C_C1_05_7E;

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await connection.ExecuteAsync($"SELECT pg_advisory_lock({PostgresMigrationLockKey})", cancellationToken);
        }
        try
        {
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT NOT NULL, version INT NOT NULL, name TEXT NOT NULL, " +
                "applied_at BIGINT NOT NULL, PRIMARY KEY (module, version))", cancellationToken);
            foreach (var source in sources.OrderBy(s => s.Module == ClusterMigrations.ModuleName ? 0 : 1).ThenBy(s => s.Module))
            {
                await ApplyModuleAsync(connection, source, cancellationToken);
            }
        }
        finally
        {
            if (database.Provider == DatabaseProvider.Postgres)
            {
                await connection.ExecuteAsync($"SELECT pg_advisory_unlock({PostgresMigrationLockKey})", CancellationToken.None);
            }
        }
    }

    private async Task ApplyModuleAsync(DbConnection connection, IMigrationSource source, CancellationToken cancellationToken)
    {
        var known = source.Migrations.OrderBy(m => m.Version).ToList();
        var newestKnown = known.Count == 0 ? 0 : known[^1].Version;
        var applied = await AppliedVersionsAsync(connection, source.Module, cancellationToken);
        var newestApplied = applied.Count == 0 ? 0 : applied.Max();
        if (newestApplied > newestKnown)
        {
            throw new SchemaTooNewException(
                $"The database schema of module '{source.Module}' is at version {newestApplied}, but this build knows only " +
                $"versions up to {newestKnown}. Run the newer build that migrated it, or point Storage:ConnectionString at a " +
                "database made by this version.");
        }

        foreach (var migration in known.Where(m => !applied.Contains(m.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(migration.SqlFor(database.Provider), cancellationToken, transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (@module, @version, @name, @at)",
                cancellationToken, transaction,
                ("@module", source.Module), ("@version", migration.Version), ("@name", migration.Name),
                ("@at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied migration {Module} v{Version} {MigrationName}", source.Module, migration.Version, migration.Name);
        }
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(DbConnection connection, string module, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand("SELECT version FROM schema_migrations WHERE module = @module").With("@module", module);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0)));
        }
        return versions;
    }
}

/// <summary>The database was migrated by a newer build than this one; starting would risk corrupting it.</summary>
public sealed class SchemaTooNewException(string message) : Exception(message);
