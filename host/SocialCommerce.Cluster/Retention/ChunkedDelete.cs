using System.Data.Common;
using SocialCommerce.Cluster.Storage;

namespace SocialCommerce.Cluster;

/// <summary>
/// Deletes a backlog of old rows a chunk at a time, each chunk its own short transaction, so that SQLite's single
/// writer (and PostgreSQL's row locks) are never held long by a retention pass.
/// </summary>
public static class ChunkedDelete
{
    /// <summary>Most rows one statement may delete; statements say <c>LIMIT {ChunkedDelete.Size}</c> in their sub-select.</summary>
    public const int Size = 5_000;

    /// <summary>Runs <paramref name="chunkedDelete"/> until a run deletes fewer than <see cref="Size"/> rows; returns the total.</summary>
    public static async Task<int> RunAsync(IDatabase database, string chunkedDelete, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand(chunkedDelete);
            bind(command);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < Size)
            {
                return total;
            }
        }
    }
}
