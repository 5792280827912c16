using Microsoft.Extensions.Configuration;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialCommerce.Cluster;
using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Cluster.Storage;
using static SocialCommerce.Bench.BenchContext;

namespace SocialCommerce.Bench.Cluster;

/// <summary>
/// Grain runtime figures: in-memory turns on one active grain, and persisted turns (state write + one event) beside
/// the raw single-row upsert commit rate of the same database, without and with group commit.
/// </summary>
public static class ClusterBench
{
    private const int ConcurrentCallers = 64;

    public static async Task RunAsync(BenchContext context)
    {
        await InMemoryTurnsAsync(context);

        Header("Persisted turns (state write + one event) vs raw commits of the same database",
            "database", "raw single-row upsert commits (1 connection)", "turns, commit per turn", "ratio", "turns, group commit", "ratio",
            "avg turns per group commit", "group commit + outbox dispatch running", "ratio");
        await PersistedTurnsAsync(context, DatabaseProvider.Sqlite, null);
        if (context.PostgresConnectionString is { } postgres)
        {
            await PersistedTurnsAsync(context, DatabaseProvider.Postgres, postgres);
        }
    }

    private static async Task InMemoryTurnsAsync(BenchContext context)
    {
        var folder = TempFolder();
        await using var node = await StartAsync(DatabaseProvider.Sqlite, $"Data Source={folder}/bench.db", groupCommit: true);
        var grain = node.Services.GetRequiredService<IGrainFactory>().Get<IBenchCounterGrain>("hot");
        var plain = new BenchCounterGrain(new PlainState());

        for (var i = 0; i < 200_000; i++)
        {
            await grain.TouchAsync();
            await plain.TouchAsync();
        }
        var turns = await SequentialRateAsync(context.Duration, () => grain.TouchAsync());
        var direct = await SequentialRateAsync(context.Duration, () => plain.TouchAsync());

        Header("In-memory turns on one active grain (awaited one after another)", "path", "rate", "share of a direct call");
        Row("through the grain runtime (proxy, turn lock, log scope)", PerSecond(turns), Ratio(turns, direct));
        Row("baseline: the same method called directly on the object", PerSecond(direct), "1.00×");
        Directory.Delete(folder, true);
    }

    private static async Task<double> SequentialRateAsync(TimeSpan duration, Func<Task<long>> call)
    {
        long calls = 0;
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < duration)
        {
            for (var i = 0; i < 10_000; i++)
            {
                await call();
            }
            calls += 10_000;
        }
        return calls / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task PersistedTurnsAsync(BenchContext context, DatabaseProvider provider, string? postgres)
    {
        var folder = TempFolder();
        var connectionString = postgres ?? $"Data Source={folder}/bench.db";
        var raw = await RawCommitRateAsync(context, provider, connectionString);

        double perTurn, grouped, groupedWithDispatch;
        await using (var node = await StartAsync(provider, connectionString, groupCommit: false, dispatchOutbox: false))
        {
            perTurn = await TurnRateAsync(context, node, "single");
        }
        double turnsPerCommit;
        await using (var node = await StartAsync(provider, connectionString, groupCommit: true, dispatchOutbox: false))
        {
            var transactionsBefore = await CommittedTransactionsAsync(provider, connectionString);
            var started = Stopwatch.GetTimestamp();
            grouped = await TurnRateAsync(context, node, "grouped");
            var transactions = await CommittedTransactionsAsync(provider, connectionString) - transactionsBefore;
            turnsPerCommit = transactions > 0 ? grouped * Stopwatch.GetElapsedTime(started).TotalSeconds / transactions : double.NaN;
        }
        await using (var node = await StartAsync(provider, connectionString, groupCommit: true, dispatchOutbox: true))
        {
            groupedWithDispatch = await TurnRateAsync(context, node, "dispatched");
        }
        Row(provider, PerSecond(raw), PerSecond(perTurn), Ratio(perTurn, raw), PerSecond(grouped), Ratio(grouped, raw),
            double.IsNaN(turnsPerCommit) ? "n/a" : turnsPerCommit.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
            PerSecond(groupedWithDispatch), Ratio(groupedWithDispatch, raw));
        if (postgres is null)
        {
            Directory.Delete(folder, true);
        }
    }

    private static Task<double> TurnRateAsync(BenchContext context, RunningNode node, string prefix)
    {
        var grains = node.Services.GetRequiredService<IGrainFactory>();
        var references = Enumerable.Range(0, ConcurrentCallers).Select(i => grains.Get<IBenchCounterGrain>($"{prefix}-{i}")).ToArray();
        return context.RateAsync(ConcurrentCallers, worker => references[worker].IncrementAsync());
    }

    /// <summary>The database's own commit rate: one connection, one single-row upsert per transaction.</summary>
    internal static async Task<double> RawCommitRateAsync(BenchContext context, DatabaseProvider provider, string connectionString)
    {
        IDatabase database = provider == DatabaseProvider.Postgres ? new PostgresDatabase(connectionString) : new SqliteDatabase(connectionString);
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS raw_upsert (id TEXT PRIMARY KEY, version BIGINT NOT NULL, payload TEXT NOT NULL)",
            CancellationToken.None);
        long commits = 0;
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < context.Duration)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(
                "INSERT INTO raw_upsert (id, version, payload) VALUES (@id, 1, @payload) " +
                "ON CONFLICT (id) DO UPDATE SET version = raw_upsert.version + 1, payload = excluded.payload",
                CancellationToken.None, transaction, ("@id", $"k{commits % 64}"), ("@payload", "{\"count\":" + commits + "}"));
            await transaction.CommitAsync();
            commits++;
        }
        var rate = commits / stopwatch.Elapsed.TotalSeconds;
        await connection.ExecuteAsync("DROP TABLE raw_upsert", CancellationToken.None);
        if (database is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        return rate;
    }

    private static async Task<long> CommittedTransactionsAsync(DatabaseProvider provider, string connectionString)
    {
        if (provider != DatabaseProvider.Postgres)
        {
            return 0; // SQLite keeps no count of commits; the column says n/a
        }
        await using var database = new PostgresDatabase(connectionString);
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task<RunningNode> StartAsync(DatabaseProvider provider, string connectionString, bool groupCommit,
        bool dispatchOutbox = true)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider.ToString(),
            ["Storage:ConnectionString"] = connectionString,
            ["Cluster:GroupCommit"] = groupCommit.ToString(),
            ["Cluster:DispatchOutbox"] = dispatchOutbox.ToString(),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCluster(builder.Configuration);
        builder.Services.AddGrain<IBenchCounterGrain, BenchCounterGrain>();
        var host = builder.Build();
        await host.StartAsync();
        return new RunningNode(host);
    }

    internal static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sc-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    internal sealed class RunningNode(IHost host) : IAsyncDisposable
    {
        public IServiceProvider Services => host.Services;

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    /// <summary>The direct-call baseline's state: a plain holder with no runtime behind it.</summary>
    private sealed class PlainState : IGrainState<BenchCounterState>
    {
        public GrainId Id => new("benchCounter", "plain");

        public BenchCounterState State { get; set; } = new();

        public long Version => 0;

        public void Emit(object domainEvent) => throw new NotSupportedException();

        public Task WriteAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public void SetReminder(string name, DateTimeOffset dueAt, TimeSpan? period = null) => throw new NotSupportedException();

        public void ClearReminder(string name) => throw new NotSupportedException();
    }
}
