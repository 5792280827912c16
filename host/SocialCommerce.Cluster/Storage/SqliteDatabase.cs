using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SocialCommerce.Cluster.Storage;

/// <summary>Embedded SQLite in WAL mode: one writer at a time, readers alongside it.</summary>
public sealed class SqliteDatabase : IDatabase
{
    private readonly string _connectionString;

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory) && builder.Mode != SqliteOpenMode.Memory)
        {
            Directory.CreateDirectory(directory);
        }
        _connectionString = builder.ToString();
    }

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        // WAL lets readers run beside the single writer; busy_timeout makes writers from other modules wait
        // for the lock instead of failing at once.
        pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
