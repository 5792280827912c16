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
}
