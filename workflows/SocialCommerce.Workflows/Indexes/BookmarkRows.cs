using System.Data.Common;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Workflows.Instances;

namespace SocialCommerce.Workflows.Indexes;

/// <summary>The bookmark index writes, shared by the instance grain (right after its commit) and the outbox subscriber (the repair).</summary>
internal static class BookmarkRows
{
    public static async Task ApplyAsync(DbConnection connection, DbTransaction transaction, string instanceId, IReadOnlyList<BookmarkKey> added,
        IReadOnlyList<string> removed, CancellationToken cancellationToken)
    {
        foreach (var bookmark in added)
        {
            await connection.ExecuteAsync("""
                INSERT INTO workflow_bookmarks (token, name, correlation_id, instance_id) VALUES (@token, @name, @correlation, @instance)
                ON CONFLICT (token) DO NOTHING
                """, cancellationToken, transaction,
                ("@token", bookmark.Token), ("@name", bookmark.Name), ("@correlation", bookmark.CorrelationId), ("@instance", instanceId));
        }
        foreach (var token in removed)
        {
            await connection.ExecuteAsync("DELETE FROM workflow_bookmarks WHERE token = @token", cancellationToken, transaction, ("@token", token));
        }
    }
}
