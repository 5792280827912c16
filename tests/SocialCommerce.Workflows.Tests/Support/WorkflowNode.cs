using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster.Outbox;
using SocialCommerce.Cluster.Reminders;
using SocialCommerce.Testing;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Events;
using SocialCommerce.Workflows.Hosting;
using SocialCommerce.Workflows.Runtime;
using SocialCommerce.Workflows.Services;

namespace SocialCommerce.Workflows.Tests.Support;

/// <summary>
/// A cluster node with the workflow engine on a test database, the outbox and reminders driven by the test
/// (<see cref="DispatchAsync"/>, <see cref="FireDueAsync"/>) so each step is visible; no retention pass, so that
/// tests can count the events they caused.
/// </summary>
internal static class WorkflowNode
{
    private static readonly Dictionary<string, string?> Manual = new()
    {
        ["Cluster:DispatchOutbox"] = "false", ["Cluster:RunReminders"] = "false", ["Cluster:RunRetention"] = "false",
    };

    public static Task<ClusterTestHost> StartAsync(TestDatabase database, TimeProvider time, Action<IServiceCollection>? configure = null) =>
        ClusterTestHost.StartAsync(database, services =>
        {
            services.AddWorkflows(new ConfigurationBuilder().Build());
            configure?.Invoke(services);
        }, Manual, time);

    public static Task<int> DispatchAsync(this ClusterTestHost node) => node.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync();

    /// <summary>Fires due reminders until none is due (a fired reminder may set one that is already due).</summary>
    public static async Task FireDueAsync(this ClusterTestHost node)
    {
        var reminders = node.Services.GetRequiredService<ReminderService>();
        while (await reminders.FireDueAsync() > 0)
        {
        }
    }

    /// <summary>Moves the clock, firing reminders as they fall due and dispatching what they emit (so indexes follow).</summary>
    public static async Task AdvanceAsync(this ClusterTestHost node, FakeTimeProvider clock, TimeSpan by, TimeSpan? step = null)
    {
        var until = clock.GetUtcNow() + by;
        var stride = step ?? TimeSpan.FromHours(1);
        while (clock.GetUtcNow() < until)
        {
            clock.Advance(until - clock.GetUtcNow() < stride ? until - clock.GetUtcNow() : stride);
            await node.FireDueAsync();
            await node.DispatchAsync();
        }
    }

    public static WorkflowDefinitionService Definitions(this ClusterTestHost node) => node.Services.GetRequiredService<WorkflowDefinitionService>();

    public static WorkflowInstanceService Instances(this ClusterTestHost node) => node.Services.GetRequiredService<WorkflowInstanceService>();

    public static IWorkflowRuntime Runtime(this ClusterTestHost node) => node.Services.GetRequiredService<IWorkflowRuntime>();

    public static WorkflowEventPublisher Events(this ClusterTestHost node) => node.Services.GetRequiredService<WorkflowEventPublisher>();

    public static async Task<WorkflowDefinition> PublishAsync(this ClusterTestHost node, WorkflowDefinition definition)
    {
        var saved = await node.Definitions().SaveDraftAsync(definition);
        Assert.Empty(saved.Errors);
        var published = await node.Definitions().PublishAsync(definition.Id);
        await node.DispatchAsync();
        return published;
    }
}
