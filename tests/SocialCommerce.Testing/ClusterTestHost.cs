using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialCommerce.Cluster;
using SocialCommerce.Cluster.Hosting;

namespace SocialCommerce.Testing;

/// <summary>
/// One node of the cluster, started in-process on a test database: what a test needs to call grains the way the
/// host does. Dispose it to "kill" the node; start another on the same database to restart.
/// </summary>
public sealed class ClusterTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public static async Task<ClusterTestHost> StartAsync(TestDatabase database, Action<IServiceCollection> configureServices,
        IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(database.Settings);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }
        builder.Services.AddCluster(builder.Configuration);
        configureServices(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new ClusterTestHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
