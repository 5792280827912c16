using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster.Outbox;
using SocialCommerce.Commerce.Ledger;
using SocialCommerce.Commerce.Orders;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Plugins.Hosting;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Registry;
using SocialCommerce.Testing;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Hosting;
using SocialCommerce.Workflows.Runtime;
using SocialCommerce.Workflows.Services;

namespace SocialCommerce.Commerce.Tests.Workflows;

/// <summary>
/// A node as the host wires commerce into workflows (AddCommerce + AddWorkflows + AddPlugins), with the outbox
/// dispatched by the test so each hop is visible, and the sample plug-ins stored.
/// </summary>
internal static class CommerceWorkflowNode
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Cluster:DispatchOutbox"] = "false",
        ["Cluster:RunReminders"] = "false",
        ["Plugins:Directory"] = "no-plugin-folder",
    };

    public static async Task<ClusterTestHost> StartAsync(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var node = await ClusterTestHost.StartAsync(database, services =>
        {
            services.AddCommerce();
            services.AddWorkflows(configuration);
            services.AddPlugins(configuration);
        }, Settings, new FakeTimeProvider());
        foreach (var sample in new[] { "tiered-commission.csx", "invite-fans-check.csx" })
        {
            var (manifest, code) = PluginSource.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", sample)));
            await node.Service<PluginRegistry>().SaveAsync(manifest, code, PluginOrigin.Api);
        }
        return node;
    }

    /// <summary>Dispatches the outbox until it is empty (a dispatched event may start an instance that emits more).</summary>
    public static async Task DispatchAllAsync(this ClusterTestHost node)
    {
        while (await node.Service<OutboxDispatcher>().DispatchPendingAsync() > 0)
        {
        }
    }

    public static async Task PublishAsync(this ClusterTestHost node, WorkflowDefinition definition)
    {
        var saved = await node.Service<WorkflowDefinitionService>().SaveDraftAsync(definition);
        Assert.Empty(saved.Errors);
        await node.Service<WorkflowDefinitionService>().PublishAsync(definition.Id);
        await node.DispatchAllAsync();
    }

    public static Task<WorkflowStarted> StartAsync(this ClusterTestHost node, string definitionId, string instanceId, System.Text.Json.Nodes.JsonObject input) =>
        node.Service<IWorkflowRuntime>().StartAsync(new StartWorkflowRequest(definitionId, instanceId, input));

    public static Task<LedgerView> LedgerAsync(this ClusterTestHost node, string promoterId) => node.Grains.Get<ILedgerGrain>(promoterId).GetAsync();

    /// <summary>A team four deep — great → grand → upline → seller — each invited by the one before, in one region.</summary>
    public static async Task ArrangeFourLevelsAsync(this ClusterTestHost node)
    {
        await node.Grains.Get<Commerce.Regions.IRegionGrain>("north-east").DefineAsync("North-East");
        var signUp = node.Service<PromoterSignUp>();
        string? invite = null;
        foreach (var id in new[] { "great", "grand", "upline", "seller" })
        {
            invite = (await signUp.SignUpAsync(new SignUpPromoter(id, id, "north-east", invite), default)).InviteCode;
        }
    }

    /// <summary>Places a ¥299.00 order by the seller, pays it in full, ships it and has it signed for: OrderCompleted.</summary>
    public static async Task CompleteOrderAsync(this ClusterTestHost node, string orderId)
    {
        await node.Service<OrderPlacement>().PlaceAsync(new PlaceOrder(orderId, "seller", null,
            [new PlaceOrderItem("tea", "Pu'er tea", 1, Money.FromFen(29_900))]), default);
        var order = node.Grains.Get<IOrderGrain>(orderId);
        await order.RecordPaymentAsync($"{orderId}-pay", PaymentChannel.WechatTransfer, Money.FromFen(29_900), null);
        await order.MarkShippedAsync(null);
        await order.MarkSignedAsync();
    }
}
