namespace SocialCommerce.Cluster.Storage;

public enum DatabaseProvider
{
    /// <summary>Embedded single-node default (WAL mode).</summary>
    Sqlite,

    /// <summary>Several host processes sharing one database form one cluster.</summary>
    Postgres,
}
