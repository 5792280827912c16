using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster.Reminders;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Cluster.Tests.Grains;
using SocialCommerce.Testing;
using static SocialCommerce.Cluster.Tests.GrainConcurrencyTests;

namespace SocialCommerce.Cluster.Tests;

public sealed class ReminderTests
{
    private static readonly Dictionary<string, string?> NoBackgroundReminders = new() { ["Cluster:RunReminders"] = "false" };

    [Fact]
    public async Task OneShotReminder_FiresOnceWhenDue()
    {
        var clock = new FakeTimeProvider();
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await StartNodeAsync(database, "node", NoBackgroundReminders, clock);
        var counter = node.Grains.Get<ICounterGrain>("r");
        await counter.ScheduleAsync("day-7", clock.GetUtcNow().AddDays(7));
        var reminders = node.Services.GetRequiredService<ReminderService>();

        clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await reminders.FireDueAsync());
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await reminders.FireDueAsync());
        clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await reminders.FireDueAsync());

        Assert.Equal(1, await FiredCountAsync(database, "r", "day-7"));
    }

    [Fact]
    public async Task PeriodicReminder_FiresEveryPeriodAndSkipsMissedOnes()
    {
        var clock = new FakeTimeProvider();
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await StartNodeAsync(database, "node", NoBackgroundReminders, clock);
        await node.Grains.Get<ICounterGrain>("p").ScheduleAsync("daily", clock.GetUtcNow().AddDays(1), TimeSpan.FromDays(1));
        var reminders = node.Services.GetRequiredService<ReminderService>();

        for (var day = 0; day < 3; day++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            await reminders.FireDueAsync();
        }
        clock.Advance(TimeSpan.FromDays(10)); // nobody ran for ten days: one catch-up firing, not ten
        await reminders.FireDueAsync();

        Assert.Equal(4, await FiredCountAsync(database, "p", "daily"));
    }

    [Fact]
    public async Task Reminder_WakesTheServiceOnTimeUnderTheClock()
    {
        var clock = new FakeTimeProvider();
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await StartNodeAsync(database, "node", new Dictionary<string, string?> { ["Cluster:ReminderPollInterval"] = "01:00:00" }, clock);
        var counter = node.Grains.Get<ICounterGrain>("w");
        await counter.ScheduleAsync("soon", clock.GetUtcNow().AddMinutes(5));

        clock.Advance(TimeSpan.FromMinutes(5));

        await WaitUntilAsync(async () => await FiredCountAsync(database, "w", "soon") == 1);
    }

    [PostgresFact]
    public async Task TwoHosts_SharingPostgres_FireEachReminderExactlyOnce()
    {
        await using var database = await TestDatabase.CreatePostgresAsync();
        var fast = new Dictionary<string, string?> { ["Cluster:ReminderPollInterval"] = "00:00:00.050" };
        await using var first = await StartNodeAsync(database, "node-a", fast);
        await using var second = await StartNodeAsync(database, "node-b", fast);
        var due = DateTimeOffset.UtcNow.AddMilliseconds(300);
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            (i % 2 == 0 ? first : second).Grains.Get<ICounterGrain>($"k{i % 20}").ScheduleAsync($"r{i}", due)));

        await WaitUntilAsync(async () => await PendingRemindersAsync(database) == 0, TimeSpan.FromSeconds(30));

        await using var reader = await StartNodeAsync(database, "reader", NoBackgroundReminders);
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(1, await FiredCountAsync(database, $"k{i % 20}", $"r{i}"));
        }
    }

    private static async Task<int> FiredCountAsync(TestDatabase database, string key, string reminder)
    {
        var state = await GrainRows.ReadStateAsync<CounterState>(database, "counter", key);
        return state?.Fired.GetValueOrDefault(reminder) ?? 0;
    }

    private static async Task<long> PendingRemindersAsync(TestDatabase database) =>
        await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM reminders");

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true in time.");
            await Task.Delay(20);
        }
    }
}
