using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster;
using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Testing;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Hosting;
using SocialCommerce.Workflows.Indexes;
using SocialCommerce.Workflows.Runtime;
using SocialCommerce.Workflows.Tests.Support;
using static SocialCommerce.Workflows.Tests.Support.Flow;

namespace SocialCommerce.Workflows.Tests.Runtime;

public sealed class DomainEventRoutingTests
{
    [Fact]
    public async Task RegisteredDomainEvent_FromTheOutbox_StartsTriggeredWorkflowsAndResumesWaitingOnes_Once()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await WorkflowNode.StartAsync(database, new FakeTimeProvider(), services =>
        {
            services.AddGrain<IPromoterSignalGrain, PromoterSignalGrain>();
            services.AddWorkflowEvent<PromoterOptedIn>(e => e.PromoterId);
        });
        await node.PublishAsync(Define(
            [Node("start", "Start"), Node("wait", "WaitForEvent", Literal("eventName", "promoter.opted-in"), Literal("correlation", "p-9")), Node("end", "End")],
            [Done("start", "wait"), Done("wait", "end")]));
        await node.PublishAsync(Define(
            [Node("optIn", "EventTrigger", Literal("eventName", "promoter.opted-in")), Node("welcome", "Log", Literal("message", "welcome to the task group"))],
            [Done("optIn", "welcome")]) with { Id = "task-group" });
        await node.Runtime().StartAsync(new StartWorkflowRequest("test-flow", "waiting-p9"));
        await node.DispatchAsync();

        await node.Grains.Get<IPromoterSignalGrain>("p-9").OptInAsync();
        await node.DispatchAsync();
        await RedeliverAsync(node, database, "promoter.opted-in");
        await node.DispatchAsync();

        Assert.Equal(WorkflowStatus.Finished, (await node.Instances().GetAsync("waiting-p9"))!.Status);
        var started = await node.Instances().ListAsync(new InstanceFilter("task-group"), 0, 10);
        Assert.Equal(WorkflowStatus.Finished, Assert.Single(started.Items).Status);
        Assert.Equal("p-9", started.Items[0].CorrelationId);
        Assert.Single(await node.Instances().JournalAsync("waiting-p9", 0, 100), j => j.ActivityId == "wait" && j.Kind == JournalEntryKind.Completed);
    }

    /// <summary>Hands the router the stored event a second time, as the outbox does after a crash before marking it dispatched.</summary>
    private static async Task RedeliverAsync(ClusterTestHost node, TestDatabase database, string eventType)
    {
        var eventId = Guid.Parse((string)(await GrainRows.QueryAsync(database, "SELECT event_id FROM outbox WHERE event_type = @type", ("@type", eventType)))!);
        var payload = (string)(await GrainRows.QueryAsync(database, "SELECT payload FROM outbox WHERE event_type = @type", ("@type", eventType)))!;
        var router = node.Services.GetServices<IEventSubscriber>().Single(s => s.Name == "workflow-events");
        await router.HandleAsync(new OutboxEvent(99, eventId, new GrainId("promoterSignal", "p-9"), eventType, payload, DateTimeOffset.UnixEpoch), CancellationToken.None);
    }
}
