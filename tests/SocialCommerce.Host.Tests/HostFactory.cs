using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Testing;

namespace SocialCommerce.Host.Tests;

/// <summary>
/// The whole host (Program.cs) in process, on its own test database, for HTTP tests of any area. Demo seeding is off
/// unless asked for; logs go to a temp folder at Warning. Give an existing <see cref="TestDatabase"/> to restart a
/// host on the same data; otherwise the factory creates one and drops it on dispose.
/// </summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsDatabase;
    private readonly Dictionary<string, string?> _settings;

    private HostFactory(TestDatabase database, bool ownsDatabase, IReadOnlyDictionary<string, string?>? settings)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
        LogFolder = Path.Combine(Path.GetTempPath(), "sc-tests", "logs", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>(database.Settings)
        {
            ["Demo:SeedOnStart"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(LogFolder, "socialcommerce-.log"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public TestDatabase Database { get; }

    /// <summary>Where this host's rolling log file is written.</summary>
    public string LogFolder { get; }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>A host on a fresh database of the given provider (PostgreSQL needs ./test.sh's server).</summary>
    public static async Task<HostFactory> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite,
        IReadOnlyDictionary<string, string?>? settings = null) =>
        new(await TestDatabase.CreateAsync(provider), ownsDatabase: true, settings);

    /// <summary>A host on a database the caller owns (e.g. a second start on the same data).</summary>
    public static HostFactory On(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(database, ownsDatabase: false, settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }

        try
        {
            Directory.Delete(LogFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was logged at Warning.
        }
    }
}
