using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SocialCommerce.Cluster.Storage;

/// <summary>Database errors after which the same transaction, tried again, can succeed.</summary>
public static class TransientErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsTransient(DbException error) => error switch
    {
        // deadlock_detected, serialization_failure
        PostgresException pg => pg.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure,
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        _ => error.IsTransient,
    };
}
