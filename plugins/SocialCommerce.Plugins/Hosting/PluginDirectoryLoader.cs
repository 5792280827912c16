using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialCommerce.Plugins.Expressions;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Registry;

namespace SocialCommerce.Plugins.Hosting;

/// <summary>
/// Loads every <c>*.csx</c> under <c>Plugins:Directory</c> into the registry at start and again whenever a file
/// changes (a developer's edit-save-run loop). A bad file is logged with its line and column and skipped; it never
/// stops the host. Runs after the Cluster's start-up, which has applied the migrations.
/// </summary>
internal sealed class PluginDirectoryLoader(
    PluginRegistry registry, IOptions<PluginOptions> options, ILogger<PluginDirectoryLoader> logger) : BackgroundService
{
    // Editors write a file in several steps; wait for the burst to end before reading it.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var directory = Path.GetFullPath(options.Value.Directory);
        if (!Directory.Exists(directory))
        {
            logger.LogInformation("No plug-in folder at {Directory}; plug-ins come only from uploads", directory);
            return;
        }
        var changed = System.Threading.Channels.Channel.CreateUnbounded<string>();
        using var watcher = new FileSystemWatcher(directory, "*.csx") { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
        FileSystemEventHandler onChange = (_, e) => changed.Writer.TryWrite(e.FullPath);
        watcher.Changed += onChange;
        watcher.Created += onChange;
        watcher.Renamed += (_, e) => changed.Writer.TryWrite(e.FullPath);
        watcher.EnableRaisingEvents = true;

        foreach (var file in Directory.EnumerateFiles(directory, "*.csx", SearchOption.AllDirectories))
        {
            await LoadAsync(file, stoppingToken);
        }
        try
        {
            while (await changed.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(Settle, stoppingToken);
                var files = new HashSet<string>(StringComparer.Ordinal);
                while (changed.Reader.TryRead(out var file))
                {
                    files.Add(file);
                }
                foreach (var file in files.Where(File.Exists))
                {
                    await LoadAsync(file, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task LoadAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            var (manifest, code) = PluginSource.Parse(await File.ReadAllTextAsync(file, cancellationToken));
            var (version, outcome) = await registry.SaveAsync(manifest, code, PluginOrigin.File, cancellationToken);
            if (outcome != PluginSaveOutcome.Unchanged)
            {
                logger.LogInformation("Plug-in {Name} {Version} {Outcome} from {File}", version.Name, version.Version, outcome, file);
            }
        }
        catch (ScriptCompilationException ex)
        {
            logger.LogWarning("Plug-in file {File} was not loaded: {Diagnostics}", file, ex.Message);
        }
        catch (Exception ex) when (ex is FormatException or IOException or PluginVersionConflictException or PluginVersionPinnedException)
        {
            logger.LogWarning("Plug-in file {File} was not loaded: {Reason}", file, ex.Message);
        }
    }
}
