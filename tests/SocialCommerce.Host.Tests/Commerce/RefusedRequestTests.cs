using System.Net;
using System.Net.Http.Json;
using System.Text;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Host.Tests.Support;

namespace SocialCommerce.Host.Tests.Commerce;

/// <summary>
/// Bad input over HTTP: each gets the right 4xx as problem+json with a message a person can act on, and changes
/// nothing — the resource reads the same, no grain row is written and no event is emitted.
/// </summary>
public sealed class RefusedRequestTests
{
    private const string ProblemJson = "application/problem+json";

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SignUp_UnknownInviteCode_Is422_AndStoresNothing(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.Api.RegionWithPromoterAsync("north-east", "root");
        var before = await node.SnapshotAsync("/api/regions/north-east/promoters");

        var response = await node.Client.PostAsJsonAsync("/api/promoters",
            new { id = "newcomer", name = "Newcomer", regionId = "north-east", inviteCode = "zzzz9999" });

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, ProblemJson), (response.StatusCode, problem.MediaType));
        Assert.Equal("Unknown invite code", problem.Title);
        Assert.Equal("No promoter has the invite code 'ZZZZ9999'. Check the code with the person who shared it.", problem.Detail);
        Assert.Equal(HttpStatusCode.NotFound, (await node.Client.GetAsync("/api/promoters/newcomer")).StatusCode);
        Assert.Equal(before, await node.SnapshotAsync("/api/regions/north-east/promoters"));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite, GroupKind.WarmUp, "warm-up", 500)]
    [ProviderData(DatabaseProvider.Sqlite, GroupKind.Task, "task", 50)]
    [ProviderData(DatabaseProvider.Postgres, GroupKind.WarmUp, "warm-up", 500)]
    [ProviderData(DatabaseProvider.Postgres, GroupKind.Task, "task", 50)]
    public async Task Join_FullGroup_Is409_AndChangesNothing(DatabaseProvider provider, GroupKind kind, string kindName, int capacity)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        var owner = await node.Api.RegionWithPromoterAsync();
        var opened = await node.Api.OpenGroupAsync("g1", owner.Id, kindName);
        Assert.Equal((kind, capacity), (opened.Kind, opened.Capacity));
        // Filled through the grain in parallel: the joins queue on the one activation, which keeps this fast.
        var group = node.Host.Grains.Get<IGroupGrain>("g1");
        await Task.WhenAll(Enumerable.Range(1, capacity - 1).Select(i => group.JoinAsync($"fan{i:000}")));
        var before = await node.SnapshotAsync("/api/groups/g1");

        var response = await node.Client.PostAsJsonAsync("/api/groups/g1/members", new { memberId = "one-too-many" });

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.Conflict, ProblemJson), (response.StatusCode, problem.MediaType));
        Assert.Equal("Group is full", problem.Title);
        Assert.Equal($"Group 'g1' is full ({capacity} of {capacity} members); 'one-too-many' cannot join. Open another group.", problem.Detail);
        Assert.Equal(before, await node.SnapshotAsync("/api/groups/g1"));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite, 0L)]
    [ProviderData(DatabaseProvider.Sqlite, -500L)]
    [ProviderData(DatabaseProvider.Postgres, 0L)]
    [ProviderData(DatabaseProvider.Postgres, -500L)]
    public async Task Payment_ZeroOrNegativeAmount_Is400_AndChangesNothing(DatabaseProvider provider, long amount)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.HundredYuanOrderAsync();
        var before = await node.SnapshotAsync("/api/orders/o1");

        var response = await node.Client.PostAsJsonAsync("/api/orders/o1/payments", new { paymentId = "pay1", channel = "cod", amount });

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.BadRequest, ProblemJson), (response.StatusCode, problem.MediaType));
        Assert.Equal([$"amount must be a positive number of fen (got {amount})."], problem.Errors["amount"]);
        Assert.Equal(before, await node.SnapshotAsync("/api/orders/o1"));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite, 0L, "items[0].unitPrice must be a positive number of fen (got 0).")]
    [ProviderData(DatabaseProvider.Sqlite, -1L, "items[0].unitPrice must be a positive number of fen (got -1).")]
    [ProviderData(DatabaseProvider.Postgres, 0L, "items[0].unitPrice must be a positive number of fen (got 0).")]
    // Multiplied out by the quantity below, this would overflow a long of fen.
    [ProviderData(DatabaseProvider.Postgres, long.MaxValue / 100,
        "items[0].unitPrice must be at most 100000000 fen (¥1000000.00) (got 92233720368547758).")]
    [ProviderData(DatabaseProvider.Sqlite, long.MaxValue / 100,
        "items[0].unitPrice must be at most 100000000 fen (¥1000000.00) (got 92233720368547758).")]
    public async Task PlaceOrder_UnitPriceOutOfRange_Is400_AndStoresNothing(DatabaseProvider provider, long unitPrice, string message)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        var seller = await node.Api.RegionWithPromoterAsync();
        var before = await node.SnapshotAsync("/api/promoters/seller");

        var response = await node.Client.PostAsJsonAsync("/api/orders", new
        {
            id = "o1", promoterId = seller.Id, items = new[] { new { sku = "tea", name = "Tea", quantity = 10_000, unitPrice } },
        });

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.BadRequest, ProblemJson), (response.StatusCode, problem.MediaType));
        Assert.Equal([message], problem.Errors["items[0].unitPrice"]);
        Assert.Equal(HttpStatusCode.NotFound, (await node.Client.GetAsync("/api/orders/o1")).StatusCode);
        Assert.Equal(before, await node.SnapshotAsync("/api/promoters/seller"));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite, false, "Order is completed", "Order 'o1' is already completed (paid in full and signed); it takes no more payments.")]
    [ProviderData(DatabaseProvider.Postgres, false, "Order is completed", "Order 'o1' is already completed (paid in full and signed); it takes no more payments.")]
    [ProviderData(DatabaseProvider.Sqlite, true, "Order is returned", "Order 'o1' was returned; it takes no more payments.")]
    [ProviderData(DatabaseProvider.Postgres, true, "Order is returned", "Order 'o1' was returned; it takes no more payments.")]
    public async Task Payment_OnCompletedOrReturnedOrder_Is409_AndChangesNothing(DatabaseProvider provider, bool returned, string title, string detail)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.HundredYuanOrderAsync();
        await node.Api.PayAsync("o1", "pay1", "alipay", 10_000);
        await node.Api.ShipAsync("o1");
        await node.Api.SignAsync("o1");
        if (returned)
        {
            await node.Api.ReturnAsync("o1", "wrong size");
        }

        var before = await node.SnapshotAsync("/api/orders/o1");

        var response = await node.Client.PostAsJsonAsync("/api/orders/o1/payments", new { paymentId = "pay2", channel = "cod", amount = 100 });

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.Conflict, ProblemJson), (response.StatusCode, problem.MediaType));
        Assert.Equal((title, detail), (problem.Title, problem.Detail));
        Assert.Equal(before, await node.SnapshotAsync("/api/orders/o1"));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite, "sign", "Order 'o1' has not been shipped, so it cannot be signed for. Mark it shipped first.")]
    [ProviderData(DatabaseProvider.Postgres, "sign", "Order 'o1' has not been shipped, so it cannot be signed for. Mark it shipped first.")]
    [ProviderData(DatabaseProvider.Sqlite, "return", "Order 'o1' has not been shipped, so it cannot be returned.")]
    [ProviderData(DatabaseProvider.Postgres, "return", "Order 'o1' has not been shipped, so it cannot be returned.")]
    public async Task SignOrReturn_BeforeShipping_Is422_AndChangesNothing(DatabaseProvider provider, string step, string detail)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.HundredYuanOrderAsync();
        var before = await node.SnapshotAsync("/api/orders/o1");

        var response = await node.Client.PostAsJsonAsync($"/api/orders/o1/{step}", new { reason = "changed my mind" });

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, ProblemJson), (response.StatusCode, problem.MediaType));
        Assert.Equal(("Order not shipped", detail), (problem.Title, problem.Detail));
        Assert.Equal(before, await node.SnapshotAsync("/api/orders/o1"));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite, 6_001L)]
    [ProviderData(DatabaseProvider.Sqlite, long.MaxValue)]
    [ProviderData(DatabaseProvider.Postgres, 6_001L)]
    [ProviderData(DatabaseProvider.Postgres, long.MaxValue)]
    public async Task Overpayment_Is422_AndChangesNothing(DatabaseProvider provider, long amount)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.HundredYuanOrderAsync();
        await node.Api.PayAsync("o1", "deposit", "wechat-transfer", 4_000);
        var before = await node.SnapshotAsync("/api/orders/o1");

        var response = await node.Client.PostAsJsonAsync("/api/orders/o1/payments", new { paymentId = "rest", channel = "cod", amount });

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, ProblemJson), (response.StatusCode, problem.MediaType));
        Assert.Equal("Overpayment", problem.Title);
        Assert.EndsWith("(¥40.00 of ¥100.00 paid); at most ¥60.00 is outstanding.", problem.Detail);
        Assert.Equal(before, await node.SnapshotAsync("/api/orders/o1"));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task MalformedJson_Is400_WithFieldAndPosition_AndChangesNothing(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.HundredYuanOrderAsync();
        var before = await node.SnapshotAsync("/api/orders/o1");

        var response = await node.Client.PostAsync("/api/orders/o1/payments",
            new StringContent("{\"paymentId\": \"pay1\",\n \"channel\": \"cod\",\n \"amount\": 12.5}", Encoding.UTF8, "application/json"));

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.BadRequest, ProblemJson), (response.StatusCode, problem.MediaType));
        Assert.Equal("The request body is not valid JSON for this endpoint", problem.Title);
        Assert.StartsWith("Money is an integer number of fen (1 yuan = 100 fen), e.g. 12950 for ¥129.50.", problem.Detail);
        Assert.Contains("(field 'amount', line 3, position", problem.Detail);
        Assert.True(problem.Errors.ContainsKey("amount"));
        Assert.Equal(before, await node.SnapshotAsync("/api/orders/o1"));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task TruncatedJson_Is400_AndStoresNothing(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.Api.RegionWithPromoterAsync();
        var before = await node.SnapshotAsync("/api/regions/north-east/promoters");

        var response = await node.Client.PostAsync("/api/promoters",
            new StringContent("{\"id\": \"p2\", \"name\": \"Li\", \"regionId\": ", Encoding.UTF8, "application/json"));

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.BadRequest, ProblemJson), (response.StatusCode, problem.MediaType));
        Assert.Equal("The request body is not valid JSON for this endpoint", problem.Title);
        Assert.Contains("line 1, position", problem.Detail);
        Assert.Equal(HttpStatusCode.NotFound, (await node.Client.GetAsync("/api/promoters/p2")).StatusCode);
        Assert.Equal(before, await node.SnapshotAsync("/api/regions/north-east/promoters"));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite, "{\"paymentId\": \"p1\", \"channel\": \"paypal\", \"amount\": 100}", "channel",
        "channel must be one of: wechat-transfer, red-packet, cod, bank-transfer, mini-program, alipay.")]
    [ProviderData(DatabaseProvider.Postgres, "{\"paymentId\": \"p1\", \"channel\": \"paypal\", \"amount\": 100}", "channel",
        "channel must be one of: wechat-transfer, red-packet, cod, bank-transfer, mini-program, alipay.")]
    [ProviderData(DatabaseProvider.Sqlite, "{\"paymentId\": 17, \"channel\": \"cod\", \"amount\": 100}", "paymentId",
        "paymentId must be a string in double quotes.")]
    [ProviderData(DatabaseProvider.Sqlite, "[\"p1\", \"cod\", 100]", "body", "body must be a JSON object { … }.")]
    public async Task ValueOfTheWrongKind_Is400_SayingWhatTheFieldTakes_AndChangesNothing(
        DatabaseProvider provider, string body, string field, string message)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.HundredYuanOrderAsync();
        var before = await node.SnapshotAsync("/api/orders/o1");

        var response = await node.Client.PostAsync("/api/orders/o1/payments", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.BadRequest, ProblemJson), (response.StatusCode, problem.MediaType));
        Assert.Equal([message], problem.Errors[field]);
        Assert.StartsWith(message, problem.Detail);
        Assert.Equal(before, await node.SnapshotAsync("/api/orders/o1"));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task WrongKindInsideAnArray_NamesTheElementsField(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        var seller = await node.Api.RegionWithPromoterAsync();

        var response = await node.Client.PostAsync("/api/orders", new StringContent(
            $"{{\"promoterId\": \"{seller.Id}\", \"items\": [{{\"sku\": \"a\", \"name\": \"Tea\", \"quantity\": \"two\", \"unitPrice\": 100}}]}}",
            Encoding.UTF8, "application/json"));

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.BadRequest, ProblemJson), (response.StatusCode, problem.MediaType));
        Assert.Equal(["items[0].quantity must be a whole number."], problem.Errors["items[0].quantity"]);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite, null,
        "This endpoint needs a JSON body (Content-Type: application/json) and none was sent; see /openapi/v1.json for its fields.")]
    [ProviderData(DatabaseProvider.Postgres, null,
        "This endpoint needs a JSON body (Content-Type: application/json) and none was sent; see /openapi/v1.json for its fields.")]
    [ProviderData(DatabaseProvider.Sqlite, "text/plain", "Send the request body as JSON, with the header Content-Type: application/json.")]
    [ProviderData(DatabaseProvider.Postgres, "text/plain", "Send the request body as JSON, with the header Content-Type: application/json.")]
    public async Task BodyMissingOrNotJson_Is4xx_SayingWhatToSend_AndChangesNothing(DatabaseProvider provider, string? mediaType, string detail)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.HundredYuanOrderAsync();
        var before = await node.SnapshotAsync("/api/orders/o1");

        var response = await node.Client.PostAsync("/api/orders/o1/payments",
            mediaType is null ? null : new StringContent("paymentId=p1&channel=cod&amount=100", Encoding.UTF8, mediaType));

        var problem = await Problem.ReadAsync(response);
        var status = mediaType is null ? HttpStatusCode.BadRequest : HttpStatusCode.UnsupportedMediaType;
        Assert.Equal((status, ProblemJson), (response.StatusCode, problem.MediaType));
        Assert.Equal(detail, problem.Detail);
        Assert.Equal(before, await node.SnapshotAsync("/api/orders/o1"));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite, "channel", 7, "channel has an unknown value; use one of: wechat-transfer, red-packet, cod, bank-transfer, mini-program, alipay.")]
    [ProviderData(DatabaseProvider.Postgres, "channel", 7, "channel has an unknown value; use one of: wechat-transfer, red-packet, cod, bank-transfer, mini-program, alipay.")]
    public async Task UndefinedEnumNumber_Is400_ListingTheNames_AndChangesNothing(DatabaseProvider provider, string field, int value, string message)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.HundredYuanOrderAsync();
        var before = await node.SnapshotAsync("/api/orders/o1");

        var response = await node.Client.PostAsJsonAsync("/api/orders/o1/payments", new Dictionary<string, object>
        {
            ["paymentId"] = "p1", [field] = value, ["amount"] = 100,
        });

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.BadRequest, ProblemJson), (response.StatusCode, problem.MediaType));
        Assert.Equal([message], problem.Errors[field]);
        Assert.Equal(before, await node.SnapshotAsync("/api/orders/o1"));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task QueryValueOfTheWrongKind_Is400_NamingTheParameter(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.Api.DefineRegionAsync("north-east");

        var response = await node.Client.GetAsync("/api/regions/north-east/promoters?limit=abc");

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.BadRequest, ProblemJson), (response.StatusCode, problem.MediaType));
        Assert.Equal(["limit must be a whole number (got 'abc')."], problem.Errors["limit"]);
    }

    [Theory]
    [InlineData("GET", "/api/nope", HttpStatusCode.NotFound, "Nothing is served at /api/nope; the API's endpoints are listed in /openapi/v1.json.")]
    [InlineData("GET", "/api/orders", HttpStatusCode.MethodNotAllowed,
        "/api/orders does not accept GET; the API's endpoints and their methods are listed in /openapi/v1.json.")]
    public async Task UnknownRouteOrMethod_IsProblemJson_PointingToTheOpenApiDocument(string method, string path, HttpStatusCode status, string detail)
    {
        await using var node = await ApiTestHost.StartAsync(DatabaseProvider.Sqlite);

        var response = await node.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((status, ProblemJson), (response.StatusCode, problem.MediaType));
        Assert.Equal(detail, problem.Detail);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task MissingRequiredFields_Is400_NamingEachField_AndChangesNothing(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.HundredYuanOrderAsync();
        var before = await node.SnapshotAsync("/api/orders/o1");

        var response = await node.Client.PostAsJsonAsync("/api/orders/o1/payments", new { paymentId = "pay1" });

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.BadRequest, ProblemJson), (response.StatusCode, problem.MediaType));
        Assert.Equal(["channel is required."], problem.Errors["channel"]);
        Assert.Equal(["amount is required (fen)."], problem.Errors["amount"]);
        Assert.Equal(before, await node.SnapshotAsync("/api/orders/o1"));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite, true)]
    [ProviderData(DatabaseProvider.Sqlite, false)]
    [ProviderData(DatabaseProvider.Postgres, true)]
    [ProviderData(DatabaseProvider.Postgres, false)]
    public async Task OversizedBody_Is413_AndChangesNothing(DatabaseProvider provider, bool declaredLength)
    {
        await using var node = await ApiTestHost.StartAsync(provider, new Dictionary<string, string?> { ["Api:MaxRequestBodyBytes"] = "4096" });
        await node.HundredYuanOrderAsync();
        var before = await node.SnapshotAsync("/api/orders/o1");
        var body = Encoding.UTF8.GetBytes($"{{\"paymentId\": \"pay1\", \"channel\": \"cod\", \"amount\": 100, \"reference\": \"{new string('x', 5000)}\"}}");
        // A stream of unknown length goes without a Content-Length: the limit must hold for that too.
        HttpContent content = declaredLength ? new ByteArrayContent(body) : new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new("application/json");

        var response = await node.Client.PostAsync("/api/orders/o1/payments", content);

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, ProblemJson), (response.StatusCode, problem.MediaType));
        Assert.Equal("Request body too large", problem.Title);
        Assert.Equal("Request bodies under /api may be at most 4,096 bytes; send less data per request.", problem.Detail);
        Assert.Equal(before, await node.SnapshotAsync("/api/orders/o1"));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task UnknownId_Is404_AndStoresNothing(DatabaseProvider provider)
    {
        await using var node = await ApiTestHost.StartAsync(provider);
        await node.Api.RegionWithPromoterAsync();
        var before = await node.SnapshotAsync("/api/regions");

        HttpResponseMessage[] responses =
        [
            await node.Client.PostAsJsonAsync("/api/orders/no-such-order/payments", new { paymentId = "pay1", channel = "cod", amount = 100 }),
            await node.Client.GetAsync("/api/groups/no-such-group"),
            await node.Client.GetAsync("/api/regions/no-such-region/promoters"),
        ];

        var problems = await Task.WhenAll(responses.Select(Problem.ReadAsync));
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.NotFound, response.StatusCode));
        Assert.All(problems, problem => Assert.Equal(ProblemJson, problem.MediaType));
        Assert.Equal(
            ["There is no order 'no-such-order'. Check the id.", "There is no group 'no-such-group'. Check the id.", "There is no region 'no-such-region'. Check the id."],
            problems.Select(p => p.Detail));
        Assert.Equal(before, await node.SnapshotAsync("/api/regions"));
    }
}
