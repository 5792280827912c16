using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialCommerce.Plugins.Hosting;
using SocialCommerce.Plugins.Sandbox;

namespace SocialCommerce.Plugins.Tests.Hosting;

public sealed class PluginOptionsTests
{
    [Fact]
    public void PluginsSection_BindsFolderAndLimits_WithoutTouchingTheDefaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Plugins:Directory"] = "/srv/plugins",
            ["Plugins:Limits:MaxSteps"] = "1000",
            ["Plugins:Limits:Timeout"] = "00:00:05",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddPlugins(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<PluginOptions>>().Value;

        Assert.Equal("/srv/plugins", options.Directory);
        Assert.Equal(1000, options.Limits.MaxSteps);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Limits.Timeout);
        Assert.Equal(20_000_000, ScriptLimits.Default.MaxSteps);
    }
}
