using System.Net.Http.Json;
using System.Text.Json;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Orders;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Commerce.Regions;

namespace SocialCommerce.Host.Tests.Support;

/// <summary>
/// The commerce API as a test sets things up through it: one call per operation, JSON as a client would send it,
/// and an exception (with the problem body) when a setup call is refused, so a broken arrange step is never mistaken
/// for the behaviour under test.
/// </summary>
public sealed class CommerceClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Http { get; } = http;

    public Task<RegionView> DefineRegionAsync(string id, string name = "Test region") =>
        SendAsync<RegionView>(HttpMethod.Put, $"/api/regions/{id}", new { name });

    public Task<PromoterView> SignUpAsync(string id, string regionId, string? inviteCode = null) =>
        SendAsync<PromoterView>(HttpMethod.Post, "/api/promoters", new { id, name = $"Promoter {id}", regionId, inviteCode });

    public Task<GroupView> OpenGroupAsync(string id, string ownerId, string kind) =>
        SendAsync<GroupView>(HttpMethod.Post, "/api/groups", new { id, name = $"Group {id}", ownerId, kind });

    public Task<GroupView> JoinAsync(string groupId, string memberId) =>
        SendAsync<GroupView>(HttpMethod.Post, $"/api/groups/{groupId}/members", new { memberId });

    public Task<GroupView> LeaveAsync(string groupId, string memberId) =>
        SendAsync<GroupView>(HttpMethod.Delete, $"/api/groups/{groupId}/members/{memberId}", body: null);

    /// <summary>An order of one line: <paramref name="quantity"/> × <paramref name="unitPriceFen"/>.</summary>
    public Task<OrderView> PlaceOrderAsync(string id, string promoterId, string? groupId, int quantity, long unitPriceFen) =>
        SendAsync<OrderView>(HttpMethod.Post, "/api/orders", new
        {
            id,
            promoterId,
            groupId,
            items = new[] { new { sku = "tea-500g", name = "Pu'er tea 500 g", quantity, unitPrice = unitPriceFen } },
        });

    public Task<OrderView> PayAsync(string orderId, string paymentId, string channel, long amountFen) =>
        SendAsync<OrderView>(HttpMethod.Post, $"/api/orders/{orderId}/payments", new { paymentId, channel, amount = amountFen });

    public Task<OrderView> ShipAsync(string orderId, string? trackingNumber = "SF0001") =>
        SendAsync<OrderView>(HttpMethod.Post, $"/api/orders/{orderId}/ship", new { trackingNumber });

    public Task<OrderView> SignAsync(string orderId) =>
        SendAsync<OrderView>(HttpMethod.Post, $"/api/orders/{orderId}/sign", body: null);

    public Task<OrderView> ReturnAsync(string orderId, string reason) =>
        SendAsync<OrderView>(HttpMethod.Post, $"/api/orders/{orderId}/return", new { reason });

    public Task<T> GetAsync<T>(string path) => SendAsync<T>(HttpMethod.Get, path, body: null);

    /// <summary>A region with one active promoter in it, the usual start of an order or group test.</summary>
    public async Task<PromoterView> RegionWithPromoterAsync(string regionId = "north-east", string promoterId = "seller")
    {
        await DefineRegionAsync(regionId);
        return await SignUpAsync(promoterId, regionId);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        using var response = await Http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}", null, response.StatusCode);
        }

        return await response.Content.ReadFromJsonAsync<T>(Json)
            ?? throw new InvalidOperationException($"{method} {path} answered an empty body.");
    }
}
