using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Host.Tests.Support;

namespace SocialCommerce.Host.Tests.Workflows;

public sealed class WorkflowDefinitionsApiTests
{
    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Lifecycle_InvalidDraft_RefusedAtPublish_FixedDraft_PublishesAndRunsToTheEnd_JournalPerActivity(DatabaseProvider provider)
    {
        await using var api = await WorkflowApi.StartAsync(provider);
        var broken = WorkflowApi.Definition("greet");
        broken["root"]!["activities"]![1]!["inputs"] = new JsonObject(); // Log without its required message

        var created = await WorkflowApi.ExpectAsync(HttpStatusCode.Created, await api.Client.PostAsJsonAsync("/api/workflow-definitions", broken));
        var refused = await api.Client.PostAsync("/api/workflow-definitions/greet/publish", null);
        var problem = await WorkflowApi.ExpectAsync(HttpStatusCode.UnprocessableEntity, refused);
        await api.SaveAsync(WorkflowApi.Definition("greet"));
        var published = await api.PublishAsync("greet");
        var dispatched = await api.Client.PostAsJsonAsync("/api/workflows/greet/dispatch", new { correlationId = "p-1" });
        var started = await WorkflowApi.ExpectAsync(HttpStatusCode.Accepted, dispatched);
        var instance = await api.GetAsync(dispatched.Headers.Location!.OriginalString);
        var journal = await api.GetAsync($"/api/workflow-instances/{started["instanceId"]}/journal");

        Assert.Contains(created["errors"]!.AsArray(), e => (string?)e!["activityId"] == "log" && (string?)e["input"] == "message");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single(problem["errors"]!.AsArray());
        Assert.Equal("log", (string?)error!["activityId"]);
        Assert.Equal("message", (string?)error["input"]);
        Assert.Equal(1, (int)published["version"]!);
        Assert.Equal("finished", (string?)instance["status"]);
        Assert.Equal("p-1", (string?)instance["correlationId"]);
        var entries = journal["items"]!.AsArray().Select(e => $"{e!["activityId"]}:{e["kind"]}").ToList();
        Assert.Equal(["start:started", "start:completed", "log:started", "log:completed", "end:started", "end:completed"], entries);
        Assert.Equal(6, (int)journal["total"]!);
    }

    [Fact]
    public async Task Publish_ExpressionError_PointsAtActivityInputLineAndColumn()
    {
        await using var api = await WorkflowApi.StartAsync();
        var definition = WorkflowApi.Definition("expr");
        definition["root"]!["activities"]![1]!["inputs"] = new JsonObject { ["message"] = new JsonObject { ["expression"] = "\"a\" +\n  undefinedThing" } };
        await api.SaveAsync(definition);

        var problem = await WorkflowApi.ExpectAsync(HttpStatusCode.UnprocessableEntity, await api.Client.PostAsync("/api/workflow-definitions/expr/publish", null));

        var error = Assert.Single(problem["errors"]!.AsArray());
        Assert.Equal("expression-error", (string?)error!["code"]);
        Assert.Equal("log", (string?)error["activityId"]);
        Assert.Equal("message", (string?)error["input"]);
        Assert.Equal(2, (int?)error["line"]);
        Assert.NotNull((int?)error["column"]);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task NewPublish_RunningInstanceKeepsItsVersion_NewInstancesStartOnTheNewOne(DatabaseProvider provider)
    {
        await using var api = await WorkflowApi.StartAsync(provider);
        await api.PublishedAsync(WorkflowApi.Definition("pay", "v1", waitForEvent: "order.paid", correlation: "o-1"));
        var first = await api.DispatchAsync("pay");
        await api.PublishedAsync(WorkflowApi.Definition("pay", "v2", waitForEvent: "order.paid", correlation: "o-1"));
        var second = await api.DispatchAsync("pay");

        await api.PublishEventAsync("order.paid", "o-1");
        var versions = await api.GetAsync("/api/workflow-definitions/pay/versions");
        var old = await api.GetAsync("/api/workflow-definitions/pay?version=1");

        Assert.Equal(1, (int)(await api.InstanceAsync((string)first["instanceId"]!))["version"]!);
        Assert.Equal(2, (int)(await api.InstanceAsync((string)second["instanceId"]!))["version"]!);
        Assert.Equal("finished", (string?)(await api.InstanceAsync((string)first["instanceId"]!))["status"]);
        Assert.Equal([1, 2], versions["versions"]!.AsArray().Select(v => (int)v!["version"]!));
        Assert.Equal(2, (int)versions["publishedVersion"]!);
        Assert.Equal("v1", (string?)old["root"]!["activities"]![1]!["inputs"]!["message"]!["literal"]);
    }

    [Fact]
    public async Task ExportThenImport_UnderAnotherId_RoundTripsTheDefinition()
    {
        await using var api = await WorkflowApi.StartAsync();
        await api.PublishedAsync(WorkflowApi.Definition("source", "exported"));

        var export = await api.Client.GetAsync("/api/workflow-definitions/source/export");
        var file = await export.Content.ReadAsStringAsync();
        var imported = await WorkflowApi.ExpectAsync(HttpStatusCode.Created,
            await api.Client.PostAsync("/api/workflow-definitions/import?id=copy", new StringContent(file, Encoding.UTF8, "application/json")));
        await api.PublishAsync("copy");
        var started = await api.DispatchAsync("copy");

        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("source-v1.json", export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Empty(imported["errors"]!.AsArray());
        var original = JsonNode.Parse(file)!["root"]!;
        Assert.True(JsonNode.DeepEquals(original, imported["draft"]!["root"]), $"{original} != {imported["draft"]!["root"]}");
        Assert.Equal("finished", (string?)(await api.InstanceAsync((string)started["instanceId"]!))["status"]);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Delete_RefusedWhileAnInstanceWaits_AllowedOnceItIsCancelled(DatabaseProvider provider)
    {
        await using var api = await WorkflowApi.StartAsync(provider);
        await api.PublishedAsync(WorkflowApi.Definition("doomed", waitForEvent: "order.paid", correlation: "o-9"));
        var started = await api.DispatchAsync("doomed");
        await api.SettledAsync();

        var refused = await api.Client.DeleteAsync("/api/workflow-definitions/doomed");
        await api.Client.PostAsync($"/api/workflow-instances/{started["instanceId"]}/cancel", null);
        await api.SettledAsync();
        var deleted = await api.Client.DeleteAsync("/api/workflow-definitions/doomed");
        await api.SettledAsync();

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("1 instance", (await Problem.ReadAsync(refused)).Detail);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync("/api/workflow-definitions/doomed")).StatusCode);
        Assert.Equal(0, (int)(await api.GetAsync("/api/workflow-definitions"))["total"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.PostAsJsonAsync("/api/workflows/doomed/dispatch", new { })).StatusCode);
    }

    [Fact]
    public async Task List_PagesDefinitionsByName()
    {
        await using var api = await WorkflowApi.StartAsync();
        foreach (var id in new[] { "c-flow", "a-flow", "b-flow" })
        {
            await api.SaveAsync(WorkflowApi.Definition(id));
        }
        await api.SettledAsync();

        var page = await api.GetAsync("/api/workflow-definitions?offset=1&limit=1");

        Assert.Equal(3, (int)page["total"]!);
        Assert.Equal("b-flow", (string?)Assert.Single(page["items"]!.AsArray())!["definitionId"]);
    }

    [Theory]
    [InlineData("{ \"id\": \"x\", \"name\": ", "body")]
    [InlineData("{ \"id\": \"bad id!\", \"name\": \"X\" }", "id")]
    [InlineData("{ \"id\": \"x\", \"name\": \"  \" }", "name")]
    [InlineData("[1, 2]", "body")]
    public async Task MalformedDefinition_Is400ProblemNamingTheField_AndSavesNothing(string body, string field)
    {
        await using var api = await WorkflowApi.StartAsync();

        var response = await api.Client.PostAsync("/api/workflow-definitions", new StringContent(body, Encoding.UTF8, "application/json"));
        await api.SettledAsync();

        var problem = await Problem.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", problem.MediaType);
        Assert.Contains(field, problem.Errors.Keys);
        Assert.Equal(0, (int)(await api.GetAsync("/api/workflow-definitions"))["total"]!);
    }

    [Fact]
    public async Task WrongStates_AreProblems_UnknownIs404_NoDraftOrNotPublishedIs409()
    {
        await using var api = await WorkflowApi.StartAsync();
        await api.PublishedAsync(WorkflowApi.Definition("once"));

        var unknown = await api.Client.PostAsync("/api/workflow-definitions/nope/publish", null);
        var noDraft = await api.Client.PostAsync("/api/workflow-definitions/once/publish", null);
        var retracted = await api.Client.PostAsync("/api/workflow-definitions/once/retract", null);
        var again = await api.Client.PostAsync("/api/workflow-definitions/once/retract", null);
        var dispatchRetracted = await api.Client.PostAsJsonAsync("/api/workflows/once/dispatch", new { });
        var duplicate = await api.Client.PostAsJsonAsync("/api/workflow-definitions", WorkflowApi.Definition("once"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, noDraft.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retracted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, dispatchRetracted.StatusCode);
        Assert.Contains("retracted", (await Problem.ReadAsync(dispatchRetracted)).Detail);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }
}
