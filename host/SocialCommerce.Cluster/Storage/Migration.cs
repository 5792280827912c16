namespace SocialCommerce.Cluster.Storage;

/// <summary>One versioned schema step of a module. Versions start at 1 and never change once shipped.</summary>
public sealed record Migration(int Version, string Name, string SqliteSql, string PostgresSql)
{
    public static Migration Same(int version, string name, string sql) => new(version, name, sql, sql);

    public string SqlFor(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? PostgresSql : SqliteSql;
}
