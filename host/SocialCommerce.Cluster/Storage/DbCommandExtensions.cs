using System.Data.Common;

namespace SocialCommerce.Cluster.Storage;

/// <summary>The few ADO.NET conveniences every store uses, so that SQL reads as SQL.</summary>
public static class DbCommandExtensions
{
    public static DbCommand CreateCommand(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static async Task<int> ExecuteAsync(this DbConnection connection, string sql, CancellationToken cancellationToken,
        DbTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand(sql, transaction);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
