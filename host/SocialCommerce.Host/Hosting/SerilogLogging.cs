using Serilog;
using Serilog.Settings.Configuration;

namespace SocialCommerce.Host.Hosting;

public static class SerilogLogging
{
    public const string SectionName = "Serilog";

    /// <summary>
    /// Serilog for all logging, configured from the <c>Serilog</c> section (sinks, levels, output templates).
    /// <c>Enrich.FromLogContext</c> carries the runtime's log scopes (GrainType, GrainKey) onto every line of a turn.
    /// </summary>
    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        // The sink assemblies are named so that reading the configuration does not depend on a deps.json scan
        // (which differs between `dotnet run`, a published app and a test host).
        var readerOptions = new ConfigurationReaderOptions(
            typeof(ConsoleLoggerConfigurationExtensions).Assembly,
            typeof(FileLoggerConfigurationExtensions).Assembly);
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(WithoutEmptyValues(builder.Configuration), readerOptions)
            .Enrich.FromLogContext()
            .CreateLogger();
        builder.Logging.ClearProviders();
        // Levels are Serilog's to decide (Serilog:MinimumLevel); Microsoft's own filter would otherwise drop Debug first.
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }

    /// <summary>
    /// The Serilog section with empty values dropped: an empty parent key (as a test host or an environment variable
    /// can pass, e.g. <c>Serilog:MinimumLevel=</c>) would otherwise be read as an invalid level instead of "unset".
    /// </summary>
    private static IConfiguration WithoutEmptyValues(IConfiguration configuration) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(configuration.GetSection(SectionName).AsEnumerable().Where(setting => !string.IsNullOrEmpty(setting.Value)))
            .Build();
}
