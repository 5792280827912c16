namespace SocialCommerce.Cluster.Storage;

/// <summary>
/// A module's schema (cluster, workflows, webhooks, …). Registered in DI; applied in order at start-up,
/// recorded in <c>schema_migrations</c> per module.
/// </summary>
public interface IMigrationSource
{
    string Module { get; }

    IReadOnlyList<Migration> Migrations { get; }
}
