using SocialCommerce.Cluster.Hosting;

namespace SocialCommerce.Host.Demo;

public static class DemoDataExtensions
{
    /// <summary>Seeds demo data on start (after the cluster has migrated the database; see <see cref="DemoSeeder"/>).</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoDataOptions>(configuration.GetSection(DemoDataOptions.SectionName));
        services.AddGrain<IDemoSeedMarkerGrain, DemoSeedMarkerGrain>();
        services.AddSingleton<DemoWorkflows>();
        services.AddHostedService<DemoSeeder>();
        return services;
    }
}
