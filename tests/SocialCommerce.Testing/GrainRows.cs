using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using SocialCommerce.Cluster;
using SocialCommerce.Cluster.Storage;

namespace SocialCommerce.Testing;

/// <summary>Reads what is really stored, bypassing the runtime's caches: for assertions after a restart or a race.</summary>
public static class GrainRows
{
    public static async Task<TState?> ReadStateAsync<TState>(TestDatabase database, string grainType, string key) where TState : class
    {
        var payload = await QueryAsync(database, "SELECT payload FROM grain_state WHERE grain_type = @type AND grain_key = @key",
            ("@type", grainType), ("@key", key));
        return payload is string json ? JsonSerializer.Deserialize<TState>(json, ClusterJson.Options) : null;
    }

    public static async Task<long> ScalarAsync(TestDatabase database, string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64(await QueryAsync(database, sql, parameters) ?? 0L);

    public static async Task<object?> QueryAsync(TestDatabase database, string sql, params (string Name, object Value)[] parameters)
    {
        await using System.Data.Common.DbConnection connection = database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }
        var result = await command.ExecuteScalarAsync();
        return result is DBNull ? null : result;
    }

    /// <summary>Until every outbox event has been handed to its subscribers by the node's dispatcher (fails after 30 s).</summary>
    public static async Task WaitUntilOutboxDispatchedAsync(TestDatabase database)
    {
        var timeout = TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + timeout;
        while (await ScalarAsync(database, "SELECT COUNT(*) FROM outbox WHERE dispatched_at IS NULL") > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The outbox still had undelivered events after {timeout.TotalSeconds} s.");
            }

            await Task.Delay(20);
        }
    }
}
