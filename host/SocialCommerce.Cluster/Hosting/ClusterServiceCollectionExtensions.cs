using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialCommerce.Cluster.Grains;
using SocialCommerce.Cluster.Outbox;
using SocialCommerce.Cluster.Persistence;
using SocialCommerce.Cluster.Reminders;
using SocialCommerce.Cluster.Retention;
using SocialCommerce.Cluster.Storage;

namespace SocialCommerce.Cluster.Hosting;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// The grain runtime over the database named by the <c>Storage</c> section (SQLite by default), tuned by the
    /// <c>Cluster</c> section. Call it before registering hosted services that use grains.
    /// </summary>
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDatabase>(sp => CreateDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddMigrations<ClusterMigrations>();
        services.TryAddSingleton<MigrationRunner>();
        services.TryAddSingleton<GrainStore>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<CommitQueue>();
        services.TryAddSingleton<GrainRuntime>();
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        // Their constructors take runtime internals, so they are built here rather than by the container.
        services.TryAddSingleton(sp => new ReminderService(sp.GetRequiredService<IDatabase>(), sp.GetRequiredService<GrainRuntime>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ClusterOptions>>(), sp.GetRequiredService<ILogger<ReminderService>>()));
        services.TryAddSingleton(sp => new OutboxDispatcher(sp.GetRequiredService<IDatabase>(), sp.GetServices<IEventSubscriber>(),
            sp.GetRequiredService<OutboxSignal>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<ILogger<OutboxDispatcher>>()));
        services.TryAddSingleton<IEventInbox, EventInbox>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRetentionRule, OutboxRetentionRule>());
        services.TryAddSingleton<RetentionService>();
        services.AddHostedService<ClusterHostedService>();
        return services;
    }

    public static IServiceCollection AddGrain<TGrainInterface, TGrainClass>(this IServiceCollection services)
        where TGrainInterface : class, IGrain
        where TGrainClass : class, TGrainInterface
    {
        services.AddSingleton(new GrainRegistration(typeof(TGrainInterface), typeof(TGrainClass)));
        return services;
    }

    public static IServiceCollection AddEventSubscriber<TSubscriber>(this IServiceCollection services)
        where TSubscriber : class, IEventSubscriber
    {
        services.TryAddSingleton<TSubscriber>();
        services.AddSingleton<IEventSubscriber>(sp => sp.GetRequiredService<TSubscriber>());
        return services;
    }

    /// <summary>Adds a rule to the retention loop (see <see cref="IRetentionRule"/>).</summary>
    public static IServiceCollection AddRetentionRule<TRule>(this IServiceCollection services) where TRule : class, IRetentionRule
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRetentionRule, TRule>());
        return services;
    }

    public static IServiceCollection AddMigrations<TSource>(this IServiceCollection services) where TSource : class, IMigrationSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMigrationSource, TSource>());
        return services;
    }

    private static IDatabase CreateDatabase(StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("Storage:ConnectionString is empty; set it (or --connection) to an ADO.NET connection string.");
        }
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteDatabase(options.ConnectionString),
            DatabaseProvider.Postgres => new PostgresDatabase(options.ConnectionString),
            _ => throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported; use sqlite or postgres."),
        };
    }
}
