using SocialCommerce.Cluster.Storage;
using SocialCommerce.Commerce.Orders;

namespace SocialCommerce.Host.Tests.Support;

/// <summary>The arrange step of an HTTP test: the host on a fresh database of one provider, a client, and the commerce API.</summary>
public sealed class ApiTestHost : IAsyncDisposable
{
    private ApiTestHost(HostFactory host)
    {
        Host = host;
        Client = host.CreateClient();
        Api = new CommerceClient(Client);
    }

    public HostFactory Host { get; }

    public HttpClient Client { get; }

    public CommerceClient Api { get; }

    public static async Task<ApiTestHost> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(await HostFactory.CreateAsync(provider, settings));

    /// <summary>Region "north-east", promoter "seller" and order "o1" of ¥100.00 (10,000 fen), nothing paid yet.</summary>
    public async Task<OrderView> HundredYuanOrderAsync()
    {
        var seller = await Api.RegionWithPromoterAsync();
        return await Api.PlaceOrderAsync("o1", seller.Id, null, 1, 10_000);
    }

    public Task<StoreSnapshot> SnapshotAsync(string resourcePath) => StoreSnapshot.TakeAsync(Host, Client, resourcePath);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
