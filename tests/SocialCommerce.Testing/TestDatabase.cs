using Npgsql;
using SocialCommerce.Cluster.Storage;

namespace SocialCommerce.Testing;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in a temp folder, or a new database on the PostgreSQL
/// server that ./test.sh started (env <c>SC_TEST_POSTGRES</c>). Dropped again on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresEnvironmentVariable = "SC_TEST_POSTGRES";

    private readonly Func<Task> _cleanup;

    private TestDatabase(DatabaseProvider provider, string connectionString, Func<Task> cleanup)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _cleanup = cleanup;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Configuration keys that point AddCluster at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = Provider.ToString(),
        ["Storage:ConnectionString"] = ConnectionString,
    };

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? CreatePostgresAsync() : Task.FromResult(CreateSqlite());

    public static TestDatabase CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sc-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "test.db")}", () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        });
    }

    public static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = PostgresServer.ConnectionString
            ?? throw new InvalidOperationException(
                $"PostgreSQL tests need {PostgresEnvironmentVariable} (a connection string to a server that may create databases); " +
                "run them through ./test.sh, which starts one.");
        var name = "sc_test_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _cleanup();
        }
        catch (IOException)
        {
            // A file still held by a pooled handle on a slow teardown: the temp folder is cleaned by the OS.
        }
    }
}
