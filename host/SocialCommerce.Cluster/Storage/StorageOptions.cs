namespace SocialCommerce.Cluster.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>ADO.NET connection string; for SQLite the default is a file under <c>./data</c>.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/socialcommerce.db";
}
