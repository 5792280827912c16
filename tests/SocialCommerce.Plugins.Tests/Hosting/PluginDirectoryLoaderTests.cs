using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialCommerce.Plugins.Hosting;
using SocialCommerce.Plugins.Registry;

namespace SocialCommerce.Plugins.Tests.Hosting;

public sealed class PluginDirectoryLoaderTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sc-tests", "plugins-" + Guid.NewGuid().ToString("N"));
    private PluginTestHost _host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _host = await PluginTestHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task FilesPresentAtStart_AreLoaded_AndABadFileIsSkipped()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "samples", "tiered-commission.csx"), Path.Combine(_folder, "tiered-commission.csx"));
        Directory.CreateDirectory(Path.Combine(_folder, "team"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "samples", "invite-fans-check.csx"), Path.Combine(_folder, "team", "invite.csx"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "broken.csx"), "no manifest here");

        using var loader = await StartLoaderAsync();
        var versions = await WaitForAsync(async () => await _host.Registry.ListAsync() is { Count: 2 } list ? list : null);

        Assert.Equal(["invite-fans-check", "tiered-commission"], versions.Select(v => v.Name));
        Assert.All(versions, v => Assert.Equal(PluginOrigin.File, v.Origin));
    }

    [Fact]
    public async Task ChangedFile_IsReloaded()
    {
        var file = Path.Combine(_folder, "flat.csx");
        await File.WriteAllTextAsync(file, Plugin("* 5 / 100"));
        using var loader = await StartLoaderAsync();
        await WaitForAsync(() => _host.Registry.GetAsync("flat", "1.0.0"));

        await File.WriteAllTextAsync(file, Plugin("* 7 / 100"));
        var reloaded = await WaitForAsync(async () => await _host.Registry.GetAsync("flat", "1.0.0") is { } v && v.Code.Contains("* 7 /") ? v : null);

        Assert.Equal(Plugin("* 7 / 100"), reloaded.Code);
    }

    private static string Plugin(string rate) => $$"""
        /* { "name": "flat", "version": "1.0.0", "kind": "commission-formula", "inputs": [] } */
        return (Order?.AmountFen ?? 0) {{rate}};
        """;

    private async Task<PluginDirectoryLoader> StartLoaderAsync()
    {
        var loader = new PluginDirectoryLoader(_host.Registry, Options.Create(new PluginOptions { Directory = _folder }),
            NullLogger<PluginDirectoryLoader>.Instance);
        await loader.StartAsync(CancellationToken.None);
        return loader;
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The plug-in folder was not (re)loaded within 20 s.");
    }
}
