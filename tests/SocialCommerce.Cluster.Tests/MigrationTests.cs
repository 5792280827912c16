using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Testing;
using static SocialCommerce.Cluster.Tests.GrainConcurrencyTests;

namespace SocialCommerce.Cluster.Tests;

public sealed class MigrationTests
{
    private static readonly int ClusterSchemaVersions = new ClusterMigrations().Migrations.Count;

    [Fact]
    public async Task Migrations_RunTwice_AreANoOp()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using (var first = await StartNodeAsync(database, "first"))
        {
            await first.Services.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
        }
        await using var second = await StartNodeAsync(database, "second");

        Assert.Equal(ClusterSchemaVersions, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM schema_migrations WHERE module = 'cluster'"));
    }

    [PostgresFact]
    public async Task Migrations_TwoNodesStartingTogether_ApplyOnce()
    {
        await using var database = await TestDatabase.CreatePostgresAsync();
        var nodes = await Task.WhenAll(StartNodeAsync(database, "a"), StartNodeAsync(database, "b"));
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }
        Assert.Equal(ClusterSchemaVersions, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM schema_migrations WHERE module = 'cluster'"));
    }

    [Fact]
    public async Task DatabaseNewerThanCode_StopsStartupWithClearMessage()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using (await StartNodeAsync(database, "first"))
        {
        }
        await GrainRows.QueryAsync(database,
            "INSERT INTO schema_migrations (module, version, name, applied_at) VALUES ('cluster', 99, 'from the future', 0)");

        var error = await Assert.ThrowsAsync<SchemaTooNewException>(() => StartNodeAsync(database, "old build"));

        Assert.Contains("version 99", error.Message);
        Assert.Contains($"knows only versions up to {ClusterSchemaVersions}", error.Message);
    }
}
