using System.Data.Common;

namespace SocialCommerce.Cluster.Storage;

/// <summary>
/// The one small interface over the two databases we run on. Everything that stores anything opens its
/// connections here and writes SQL both dialects accept, asking <see cref="Provider"/> only where they differ.
/// </summary>
public interface IDatabase
{
    DatabaseProvider Provider { get; }

    /// <summary>An open connection (SQLite: WAL, busy timeout and foreign keys already set).</summary>
    ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);
}
