using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster.Retention;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Testing;

namespace SocialCommerce.Workflows.Tests.Webhooks;

public sealed class WebhookRetentionTests
{
    [Fact]
    public Task DeliveriesOlderThanTheRetention_ArePruned_RecentOnesStillAnswerRepeats_Sqlite() => PrunesOldDeliveries(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task DeliveriesOlderThanTheRetention_ArePruned_RecentOnesStillAnswerRepeats_Postgres() => PrunesOldDeliveries(DatabaseProvider.Postgres);

    private static async Task PrunesOldDeliveries(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = await WebhookNode.StartAsync(database, new RecordingWorkflowRuntime(), clock);
        var old = await node.AcceptAsync(WebhookNode.Request("shop-paid", "msg_old"));
        await node.DispatchAsync();
        clock.Advance(TimeSpan.FromDays(8)); // past the default retention of 7 days
        var recent = await node.AcceptAsync(WebhookNode.Request("shop-paid", "msg_recent"));
        await node.DispatchAsync();

        await node.Services.GetRequiredService<RetentionService>().PruneAsync();

        Assert.Null(await node.Log().GetAsync(old.DeliveryId, default));
        Assert.NotNull(await node.Log().GetAsync(recent.DeliveryId, default));
        Assert.Equal(1, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM grain_state WHERE grain_type = 'webhookDelivery'"));
        // Within the retention a repeat still gets the first response.
        Assert.Equal(recent.InstanceId, (await node.AcceptAsync(WebhookNode.Request("shop-paid", "msg_recent"))).InstanceId);
    }
}
