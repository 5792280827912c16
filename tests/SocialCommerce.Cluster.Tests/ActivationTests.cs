using SocialCommerce.Cluster.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialCommerce.Cluster.Grains;
using SocialCommerce.Cluster.Tests.Grains;
using SocialCommerce.Testing;
using static SocialCommerce.Cluster.Tests.GrainConcurrencyTests;

namespace SocialCommerce.Cluster.Tests;

public sealed class ActivationTests
{
    [Fact]
    public async Task IdleActivation_IsDeactivatedAndComesBackWithItsState()
    {
        var clock = new FakeTimeProvider();
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await StartNodeAsync(database, "node", time: clock);
        var runtime = node.Services.GetRequiredService<GrainRuntime>();
        var counter = node.Grains.Get<ICounterGrain>("idle");
        await counter.IncrementAsync(5);

        clock.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(0, runtime.ActivationCount);
        Assert.Equal(5, await counter.GetAsync());
        Assert.Equal(1, runtime.ActivationCount);
    }

    [Fact]
    public async Task GrainIdleTimeout_DeactivatesThatClassSooner_OthersKeepTheClusterTimeout()
    {
        var clock = new FakeTimeProvider();
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await ClusterTestHost.StartAsync(database, services =>
        {
            services.AddGrain<ICounterGrain, CounterGrain>();
            services.AddGrain<IShortLivedGrain, ShortLivedGrain>();
        }, time: clock);
        var runtime = node.Services.GetRequiredService<GrainRuntime>();
        await node.Grains.Get<ICounterGrain>("long").IncrementAsync();
        await node.Grains.Get<IShortLivedGrain>("short").WriteAsync("kept");

        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(1, runtime.ActivationCount);
        Assert.Equal("kept", await node.Grains.Get<IShortLivedGrain>("short").ReadAsync());
    }

    [Fact]
    public async Task BusyActivation_IsNotDeactivated()
    {
        var clock = new FakeTimeProvider();
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await StartNodeAsync(database, "node", time: clock);
        var runtime = node.Services.GetRequiredService<GrainRuntime>();
        var counter = node.Grains.Get<ICounterGrain>("busy");

        for (var minute = 0; minute < 30; minute++)
        {
            await counter.IncrementInMemoryAsync();
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(1, runtime.ActivationCount);
        Assert.Equal(30, await counter.GetAsync());
    }

    [Fact]
    public async Task EveryLogLineOfATurn_CarriesGrainTypeAndKey()
    {
        var scopes = new ScopeCapturingLoggerProvider();
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await ClusterTestHost.StartAsync(database, services =>
        {
            services.AddGrain<ILoggingGrain, LoggingGrain>();
            services.AddLogging(logging => logging.AddProvider(scopes).SetMinimumLevel(LogLevel.Information));
        });

        await node.Grains.Get<ILoggingGrain>("order-42").SayAsync("hello");

        var line = Assert.Single(scopes.Lines, l => l.Message == "hello");
        Assert.Equal("logging", line.Scope["GrainType"]);
        Assert.Equal("order-42", line.Scope["GrainKey"]);
    }
}

public interface IShortLivedGrain : IGrain
{
    Task WriteAsync(string value);

    Task<string?> ReadAsync();
}

public sealed class ShortLivedState
{
    public string? Value { get; set; }
}

[GrainIdleTimeout(60)]
public sealed class ShortLivedGrain(IGrainState<ShortLivedState> state) : IShortLivedGrain
{
    public Task WriteAsync(string value)
    {
        state.State.Value = value;
        return state.WriteAsync();
    }

    public Task<string?> ReadAsync() => Task.FromResult(state.State.Value);
}

public interface ILoggingGrain : IGrain
{
    Task SayAsync(string message);
}

public sealed class LoggingGrain(ILogger<LoggingGrain> logger) : ILoggingGrain
{
    public Task SayAsync(string message)
    {
        logger.LogInformation("{Message}", message);
        return Task.CompletedTask;
    }
}

internal sealed class ScopeCapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public List<(string Message, Dictionary<string, object?> Scope)> Lines { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(ScopeCapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>();
            provider._scopes.ForEachScope((value, bag) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object>> pairs)
                {
                    foreach (var (key, item) in pairs)
                    {
                        bag[key] = item;
                    }
                }
            }, scope);
            lock (provider.Lines)
            {
                provider.Lines.Add((formatter(state, exception), scope));
            }
        }
    }
}
