using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Workflows.Hosting;
using SocialCommerce.Host.Tests.Support;

namespace SocialCommerce.Host.Tests.Workflows;

public sealed class WorkflowInstancesApiTests
{
    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task WaitingInstance_ResumedByPublishedEvent_SameEventIdTwice_ResumesOnce(DatabaseProvider provider)
    {
        await using var api = await WorkflowApi.StartAsync(provider);
        await api.PublishedAsync(WorkflowApi.Definition("await-pay", waitForEvent: "order.paid", correlation: "o-7"));
        var started = await api.DispatchAsync("await-pay");
        var instanceId = (string)started["instanceId"]!;
        await api.SettledAsync();
        var waiting = await api.InstanceAsync(instanceId);

        var other = await api.PublishEventAsync("order.paid", "o-8", eventId: "evt-0");
        var first = await api.PublishEventAsync("order.paid", "o-7", eventId: "evt-1");
        var repeat = await api.PublishEventAsync("order.paid", "o-7", eventId: "evt-1");
        var finished = await api.InstanceAsync(instanceId);
        var journal = await api.GetAsync($"/api/workflow-instances/{instanceId}/journal?limit=100");

        Assert.Equal("suspended", (string?)waiting["status"]);
        Assert.Empty(other["resumed"]!.AsArray());
        Assert.Equal([instanceId], first["resumed"]!.AsArray().Select(i => (string)i!));
        Assert.Empty(repeat["resumed"]!.AsArray());
        Assert.Equal("finished", (string?)finished["status"]);
        Assert.Single(journal["items"]!.AsArray(), e => (string?)e!["activityId"] == "wait" && (string?)e["kind"] == "resumed");
    }

    [Fact]
    public async Task PublishedEvent_StartsEventTriggerWorkflow_SameEventIdTwice_StartsOne()
    {
        await using var api = await WorkflowApi.StartAsync();
        var definition = WorkflowApi.Definition("on-paid");
        definition["root"]!["activities"]![0] = new JsonObject
        {
            ["id"] = "start", ["type"] = "EventTrigger", ["inputs"] = new JsonObject { ["eventName"] = new JsonObject { ["literal"] = "order.paid" } },
        };
        await api.PublishedAsync(definition);
        await api.SettledAsync();

        var first = await api.PublishEventAsync("order.paid", "o-1", eventId: "evt-9");
        var repeat = await api.PublishEventAsync("order.paid", "o-1", eventId: "evt-9");
        await api.SettledAsync();
        var instances = await api.GetAsync("/api/workflow-instances?definitionId=on-paid");

        var started = (string)Assert.Single(first["started"]!.AsArray())!;
        Assert.Equal([started], repeat["started"]!.AsArray().Select(i => (string)i!));
        Assert.Equal(1, (int)instances["total"]!);
        Assert.Equal("o-1", (string?)(await api.InstanceAsync(started))["correlationId"]);
    }

    [Theory]
    [InlineData("/api/workflows/x/dispatch", "{\"input\": [1,")]
    [InlineData("/api/workflows/x/dispatch", "{\"input\": 5}")]
    [InlineData("/api/workflow-events", "{\"name\": }")]
    [InlineData("/api/workflow-events", "{\"payload\": {}}")]
    public async Task MalformedDispatchOrEventBody_Is400Problem_AndStartsNothing(string path, string body)
    {
        await using var api = await WorkflowApi.StartAsync();
        await api.PublishedAsync(WorkflowApi.Definition("x"));

        var response = await api.Client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await api.SettledAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty((await Problem.ReadAsync(response)).Errors);
        Assert.Equal(0, (int)(await api.GetAsync("/api/workflow-instances"))["total"]!);
    }

    [Fact]
    public async Task Cancel_StopsAWaitingInstance_ThenCancelAndRetryAre409()
    {
        await using var api = await WorkflowApi.StartAsync();
        await api.PublishedAsync(WorkflowApi.Definition("cancel-me", waitForEvent: "order.paid", correlation: "o-1"));
        var instanceId = (string)(await api.DispatchAsync("cancel-me"))["instanceId"]!;

        var cancelled = await WorkflowApi.ExpectAsync(HttpStatusCode.OK, await api.Client.PostAsync($"/api/workflow-instances/{instanceId}/cancel", null));
        var again = await api.Client.PostAsync($"/api/workflow-instances/{instanceId}/cancel", null);
        var retry = await api.Client.PostAsync($"/api/workflow-instances/{instanceId}/retry", null);
        var resumed = await api.PublishEventAsync("order.paid", "o-1");

        Assert.Equal("cancelled", (string?)cancelled["status"]);
        Assert.Empty(cancelled["bookmarks"]!.AsArray());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Contains("not faulted", (await Problem.ReadAsync(retry)).Detail);
        Assert.Empty(resumed["resumed"]!.AsArray());
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task FaultedInstance_HasAnIncident_OperatorRetryAfterTheFix_Finishes(DatabaseProvider provider)
    {
        var partner = new DownstreamCall.Partner();
        await using var api = await WorkflowApi.StartAsync(provider, new Dictionary<string, string?> { ["Workflows:IncidentMaxAttempts"] = "1" },
            services => services.AddSingleton(partner).AddActivity<DownstreamCall>());
        var definition = WorkflowApi.Definition("calls-partner");
        definition["root"]!["activities"]![1] = new JsonObject { ["id"] = "log", ["type"] = nameof(DownstreamCall) };
        await api.PublishedAsync(definition);
        var instanceId = (string)(await api.DispatchAsync("calls-partner"))["instanceId"]!;

        var faulted = await api.InstanceAsync(instanceId);
        partner.Available = true;
        var retried = await WorkflowApi.ExpectAsync(HttpStatusCode.OK, await api.Client.PostAsync($"/api/workflow-instances/{instanceId}/retry", null));
        var journal = await api.GetAsync($"/api/workflow-instances/{instanceId}/journal?limit=100");

        Assert.Equal("faulted", (string?)faulted["status"]);
        Assert.Equal("log", (string?)faulted["incident"]!["activityId"]);
        Assert.Contains("503", (string?)faulted["incident"]!["message"]);
        Assert.Equal("finished", (string?)retried["status"]);
        Assert.Null(retried["incident"]);
        Assert.Single(journal["items"]!.AsArray(), e => (string?)e!["activityId"] == "log" && (string?)e["kind"] == "faulted");
        Assert.Single(journal["items"]!.AsArray(), e => (string?)e!["activityId"] == "log" && (string?)e["kind"] == "completed");
    }

    [Fact]
    public async Task UnknownInstance_Is404Problem_ForGetJournalCancelAndRetry()
    {
        await using var api = await WorkflowApi.StartAsync();

        var responses = new[]
        {
            await api.Client.GetAsync("/api/workflow-instances/wfi_missing"),
            await api.Client.GetAsync("/api/workflow-instances/wfi_missing/journal"),
            await api.Client.PostAsync("/api/workflow-instances/wfi_missing/cancel", null),
            await api.Client.PostAsync("/api/workflow-instances/wfi_missing/retry", null),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.All(responses, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Dispatch_SameIdempotencyKeyTwice_StartsOneInstance(DatabaseProvider provider)
    {
        await using var api = await WorkflowApi.StartAsync(provider);
        await api.PublishedAsync(WorkflowApi.Definition("once-only"));

        var first = await api.DispatchAsync("once-only", new { correlationId = "c-1" }, idempotencyKey: "req-42");
        var second = await api.DispatchAsync("once-only", new { correlationId = "c-1" }, idempotencyKey: "req-42");
        var other = await api.DispatchAsync("once-only", new { correlationId = "c-1" }, idempotencyKey: "req-43");
        await api.SettledAsync();
        var list = await api.GetAsync("/api/workflow-instances?definitionId=once-only");

        Assert.Equal((string?)first["instanceId"], (string?)second["instanceId"]);
        Assert.False((bool)first["alreadyStarted"]!);
        Assert.True((bool)second["alreadyStarted"]!);
        Assert.NotEqual((string?)first["instanceId"], (string?)other["instanceId"]);
        Assert.Equal(2, (int)list["total"]!);
    }

    [Fact]
    public async Task List_FiltersByDefinitionStatusCorrelationAndCreatedRange()
    {
        await using var api = await WorkflowApi.StartAsync();
        await api.PublishedAsync(WorkflowApi.Definition("quick"));
        await api.PublishedAsync(WorkflowApi.Definition("waits", waitForEvent: "order.paid", correlation: "o-1"));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await api.DispatchAsync("quick", new { correlationId = "alice" });
        await api.DispatchAsync("quick", new { correlationId = "bob" });
        var waiting = await api.DispatchAsync("waits", new { correlationId = "alice" });
        await api.SettledAsync();

        var suspended = await api.GetAsync("/api/workflow-instances?status=suspended");
        var alice = await api.GetAsync("/api/workflow-instances?correlationId=alice&definitionId=quick");
        var future = await api.GetAsync($"/api/workflow-instances?createdFrom={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}");
        var inRange = await api.GetAsync($"/api/workflow-instances?createdFrom={Uri.EscapeDataString(before.ToString("O"))}&limit=2");
        var badStatus = await api.Client.GetAsync("/api/workflow-instances?status=sleeping");

        Assert.Equal((string?)waiting["instanceId"], (string?)Assert.Single(suspended["items"]!.AsArray())!["instanceId"]);
        Assert.Equal(1, (int)alice["total"]!);
        Assert.Equal(0, (int)future["total"]!);
        Assert.Equal(3, (int)inRange["total"]!);
        Assert.Equal(2, inRange["items"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("status", (await Problem.ReadAsync(badStatus)).Errors.Keys);
    }

    [Fact]
    public async Task Dispatch_MissingRequiredInput_Is400_AndStartsNothing()
    {
        await using var api = await WorkflowApi.StartAsync();
        var definition = WorkflowApi.Definition("needs-input");
        definition["inputs"] = new JsonArray { new JsonObject { ["name"] = "promoterId", ["type"] = "string", ["required"] = true } };
        await api.PublishedAsync(definition);

        var refused = await api.Client.PostAsJsonAsync("/api/workflows/needs-input/dispatch", new { input = new { other = 1 } });
        var accepted = await api.Client.PostAsJsonAsync("/api/workflows/needs-input/dispatch", new { input = new { promoterId = "p-1" } });
        await api.SettledAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("input.promoterId", (await Problem.ReadAsync(refused)).Errors.Keys);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(1, (int)(await api.GetAsync("/api/workflow-instances?definitionId=needs-input"))["total"]!);
    }
}
