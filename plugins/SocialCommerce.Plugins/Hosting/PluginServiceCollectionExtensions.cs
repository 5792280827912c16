using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialCommerce.Plugins.Expressions;

namespace SocialCommerce.Plugins.Hosting;

public static class PluginServiceCollectionExtensions
{
    /// <summary>
    /// The expression compiler, the plug-in registry and runner, and the background compiler warm-up, configured
    /// by the <c>Plugins</c> section. Needs the Cluster's storage (<c>AddCluster</c>) for the registry.
    /// </summary>
    public static IServiceCollection AddPlugins(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PluginOptions>().Bind(configuration.GetSection(PluginOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ExpressionCompiler(sp.GetRequiredService<IOptions<PluginOptions>>().Value.Limits));
        services.AddHostedService<CompilerWarmUpService>();
        return services;
    }
}
