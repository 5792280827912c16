using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Plugins.Compilation;
using SocialCommerce.Plugins.Expressions;
using SocialCommerce.Plugins.Registry;
using SocialCommerce.Plugins.Running;

namespace SocialCommerce.Plugins.Hosting;

public static class PluginServiceCollectionExtensions
{
    /// <summary>
    /// The expression compiler, the plug-in compiler, registry (module <c>plugins</c> in the Cluster's database) and
    /// runner, the loader of the <c>Plugins:Directory</c> folder and the background compiler warm-up, configured by
    /// the <c>Plugins</c> section. Needs <c>AddCluster</c> for the database.
    /// </summary>
    public static IServiceCollection AddPlugins(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PluginOptions>().Bind(configuration.GetSection(PluginOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ExpressionCompiler(sp.GetRequiredService<IOptions<PluginOptions>>().Value.Limits));
        services.TryAddSingleton(_ => new PluginCompiler());
        services.TryAddSingleton<PluginRegistry>();
        services.TryAddSingleton<PluginRunner>();
        services.AddMigrations<PluginMigrations>();
        services.AddHostedService<CompilerWarmUpService>();
        services.AddHostedService<PluginDirectoryLoader>();
        return services;
    }
}
