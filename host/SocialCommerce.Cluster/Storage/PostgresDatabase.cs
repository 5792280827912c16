using System.Data.Common;
using Npgsql;

namespace SocialCommerce.Cluster.Storage;

/// <summary>PostgreSQL through one pooled Npgsql data source; several hosts sharing it form one cluster.</summary>
public sealed class PostgresDatabase(string connectionString) : IDatabase, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(WithAutoPrepare(connectionString));

    // The runtime sends the same few statements millions of times; prepared once per connection they skip parsing.
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }
        return builder.ConnectionString;
    }

    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
