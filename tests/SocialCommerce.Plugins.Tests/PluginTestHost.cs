using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Plugins.Compilation;
using SocialCommerce.Plugins.Hosting;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Registry;
using SocialCommerce.Plugins.Running;
using SocialCommerce.Plugins.Sandbox;
using SocialCommerce.Testing;

namespace SocialCommerce.Plugins.Tests;

/// <summary>Registry, compiler and runner over a fresh real database with the plug-in migrations applied.</summary>
internal sealed class PluginTestHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly IDatabase _storage;

    private PluginTestHost(TestDatabase database, IDatabase storage, ScriptLimits limits)
    {
        _database = database;
        _storage = storage;
        Registry = new PluginRegistry(storage, Compiler, Time);
        Runner = new PluginRunner(Registry, Compiler, Time, Options.Create(new PluginOptions { Limits = limits }));
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-11-30T08:00:00Z"));

    public PluginCompiler Compiler { get; } = new();

    public PluginRegistry Registry { get; }

    public PluginRunner Runner { get; }

    public static async Task<PluginTestHost> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, ScriptLimits? limits = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        IDatabase storage = provider == DatabaseProvider.Postgres
            ? new PostgresDatabase(database.ConnectionString)
            : new SqliteDatabase(database.ConnectionString);
        await new MigrationRunner(storage, [new PluginMigrations()], NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        return new PluginTestHost(database, storage, limits ?? ScriptLimits.Default);
    }

    /// <summary>A sample from plugins/samples (copied beside the tests), parsed.</summary>
    public static (PluginManifest Manifest, string Code) Sample(string fileName) =>
        PluginSource.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", fileName)));

    public async ValueTask DisposeAsync()
    {
        if (_storage is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        await _database.DisposeAsync();
    }
}
