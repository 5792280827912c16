using System.Net;
using System.Text.Json;
using SocialCommerce.Host.Hosting;

namespace SocialCommerce.Host.Tests.Hosting;

public sealed class OpenApiDocumentTests(OpenApiDocumentTests.ServedDocument served) : IClassFixture<OpenApiDocumentTests.ServedDocument>
{
    public static readonly TheoryData<string, string, string, string> CommerceOperations = new()
    {
        { "/api/promoters", "post", "SignUpPromoter", "Promoters" },
        { "/api/promoters/{id}", "get", "GetPromoter", "Promoters" },
        { "/api/promoters/by-invite-code/{code}", "get", "GetPromoterByInviteCode", "Promoters" },
        { "/api/promoters/{id}/level", "put", "ChangePromoterLevel", "Promoters" },
        { "/api/promoters/{id}/suspend", "post", "SuspendPromoter", "Promoters" },
        { "/api/promoters/{id}/reactivate", "post", "ReactivatePromoter", "Promoters" },
        { "/api/groups", "post", "OpenGroup", "Groups" },
        { "/api/groups/{id}", "get", "GetGroup", "Groups" },
        { "/api/groups/{id}/members", "post", "JoinGroup", "Groups" },
        { "/api/groups/{id}/members/{memberId}", "delete", "LeaveGroup", "Groups" },
        { "/api/groups/{id}/messages", "post", "ReportGroupMessages", "Groups" },
        { "/api/orders", "post", "PlaceOrder", "Orders" },
        { "/api/orders/{id}", "get", "GetOrder", "Orders" },
        { "/api/orders/{id}/payments", "post", "RecordPayment", "Orders" },
        { "/api/orders/{id}/ship", "post", "ShipOrder", "Orders" },
        { "/api/orders/{id}/sign", "post", "SignOrder", "Orders" },
        { "/api/orders/{id}/return", "post", "ReturnOrder", "Orders" },
        { "/api/regions", "get", "ListRegions", "Regions" },
        { "/api/regions/{id}", "put", "DefineRegion", "Regions" },
        { "/api/regions/{id}", "get", "GetRegion", "Regions" },
        { "/api/regions/{id}/promoters", "get", "ListRegionPromoters", "Regions" },
        { "/api/regions/{id}/groups", "get", "ListRegionGroups", "Regions" },
        { "/api/regions/{id}/lines", "post", "StartFunnelLine", "Regions" },
        { "/api/regions/{id}/lines", "get", "ListFunnelLines", "Regions" },
    };

    [Theory]
    [MemberData(nameof(CommerceOperations))]
    public void OpenApiDocument_ListsCommerceOperation_NamedTaggedAndSummarised(string path, string method, string operationId, string tag)
    {
        var operation = served.Root.GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
        Assert.Equal([tag], operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
    }

    [Fact]
    public void OpenApiDocument_DescribesTheApi_AndItsProblemResponses()
    {
        var info = served.Root.GetProperty("info");
        var payment = served.Root.GetProperty("paths").GetProperty("/api/orders/{id}/payments").GetProperty("post");

        Assert.Equal(("SocialCommerce", "v1"), (info.GetProperty("title").GetString(), info.GetProperty("version").GetString()));
        Assert.Contains("fen", info.GetProperty("description").GetString());
        Assert.True(payment.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        foreach (var status in new[] { "400", "404", "409", "413", "422" })
        {
            Assert.True(payment.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), status);
        }
    }

    [Fact]
    public void OpenApiDocument_DescribesMoneyAsIntegerFen_AndOptionalFieldsAsOptional()
    {
        var schemas = served.Root.GetProperty("components").GetProperty("schemas");

        var money = schemas.GetProperty("Money");
        var order = schemas.GetProperty("OrderView");

        Assert.Equal(("integer", "int64"), (money.GetProperty("type").GetString(), money.GetProperty("format").GetString()));
        Assert.False(schemas.GetProperty("RecordPayment").TryGetProperty("required", out _));
        Assert.Contains("total", order.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain("groupId", order.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }

    /// <summary>The document as the host serves it, fetched once for the class (it does not depend on the data).</summary>
    public sealed class ServedDocument : IAsyncLifetime
    {
        private JsonDocument? _document;

        public JsonElement Root => _document!.RootElement;

        public async Task InitializeAsync()
        {
            await using var host = await HostFactory.CreateAsync();
            using var response = await host.CreateClient().GetAsync(ApiDocument.Path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            _document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        }

        public Task DisposeAsync()
        {
            _document?.Dispose();
            return Task.CompletedTask;
        }
    }
}
