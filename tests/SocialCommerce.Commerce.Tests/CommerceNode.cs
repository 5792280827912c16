using SocialCommerce.Cluster;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Orders;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Commerce.Regions;
using SocialCommerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SocialCommerce.Commerce.Tests;

/// <summary>Setup for grain tests: a cluster node with the commerce grains on a test database, and a small team to sell with.</summary>
internal static class CommerceNode
{
    public static Task<ClusterTestHost> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null) =>
        ClusterTestHost.StartAsync(database, services => services.AddCommerce(), settings);

    public static T Service<T>(this ClusterTestHost node) where T : notnull => node.Services.GetRequiredService<T>();

    /// <summary>A region with a root promoter, one invitee and a task group they both belong to.</summary>
    public static async Task<(PromoterView Root, PromoterView Seller, GroupView Group)> ArrangeTeamAsync(this ClusterTestHost node, string region = "north-east")
    {
        await node.Grains.Get<IRegionGrain>(region).DefineAsync("North-East");
        var signUp = node.Service<PromoterSignUp>();
        var root = await signUp.SignUpAsync(new SignUpPromoter("root", "Root", region, null), default);
        var seller = await signUp.SignUpAsync(new SignUpPromoter("seller", "Seller", region, root.InviteCode), default);
        var group = await node.Service<GroupOpening>().OpenAsync(new CreateGroup("g1", "Tasks", root.Id, GroupKind.Task), default);
        await node.Grains.Get<IGroupGrain>(group.Id).JoinAsync(seller.Id);
        return (root, seller, group);
    }

    /// <summary>An order of ¥299.00 (29,900 fen) sold by the arranged seller in the arranged group.</summary>
    public static Task<OrderView> PlaceOrderAsync(this ClusterTestHost node, string orderId = "o1") =>
        node.Service<OrderPlacement>().PlaceAsync(new PlaceOrder(orderId, "seller", "g1",
        [
            new PlaceOrderItem("tea", "Pu'er tea", 1, Money.FromFen(19_900)),
            new PlaceOrderItem("cup", "Travel cup", 2, Money.FromFen(5_000)),
        ]), default);
}
