using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialCommerce.Host.Tests.Support;

namespace SocialCommerce.Host.Tests.Workflows;

public sealed class WorkflowCatalogApiTests
{
    [Fact]
    public async Task Descriptors_ListEveryBuiltInActivity_WithInputsAndOutcomes()
    {
        await using var api = await WorkflowApi.StartAsync();

        var catalog = await api.GetAsync("/api/activity-descriptors");
        var one = await api.GetAsync("/api/activity-descriptors/WaitForEvent");
        var unknown = await api.Client.GetAsync("/api/activity-descriptors/Teleport");

        var types = catalog["activities"]!.AsArray().Select(a => (string)a!["type"]!).ToHashSet();
        Assert.Superset(new HashSet<string> { "Start", "End", "If", "Switch", "Fork", "Join", "ForEach", "SetVariable", "Log", "Delay", "Timer",
            "CronTrigger", "EventTrigger", "WaitForEvent", "WebhookTrigger", "HttpResponse", "SendWebhook" }, types);
        Assert.NotNull(catalog["events"]);
        Assert.Equal(["Done", "Timeout"], one["outcomes"]!.AsArray().Select(o => (string)o!));
        var eventName = one["inputs"]!.AsArray().Single(i => (string?)i!["name"] == "eventName")!;
        Assert.True((bool)eventName["required"]!);
        Assert.False(string.IsNullOrEmpty((string?)eventName["uiHint"]));
        Assert.False(string.IsNullOrEmpty((string?)one["help"]));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Templates_ListTheFunnel_CloneMakesARegionalDraftWithNewDefaults()
    {
        await using var api = await WorkflowApi.StartAsync();
        await new CommerceClient(api.Client).DefineRegionAsync("hangzhou", "Hangzhou");

        var templates = await api.Client.GetFromJsonAsync<JsonArray>("/api/workflow-templates");
        var cloned = await WorkflowApi.ExpectAsync(HttpStatusCode.Created, await api.Client.PostAsJsonAsync("/api/workflow-templates/onboarding-7-21/clone",
            new { definitionId = "funnel-hz", name = "7+21 funnel — Hangzhou", region = "hangzhou", variables = new { optedIn = true } }));
        var draft = await api.GetAsync("/api/workflow-definitions/funnel-hz");

        Assert.Contains(templates!, t => (string?)t!["name"] == "onboarding-7-21");
        Assert.Empty(cloned["errors"]!.AsArray());
        Assert.Equal("7+21 funnel — Hangzhou", (string?)draft["name"]);
        var variables = draft["variables"]!.AsArray();
        Assert.True((bool)variables.Single(v => (string?)v!["name"] == "optedIn")!["default"]!);
        Assert.Equal("hangzhou", (string?)variables.Single(v => (string?)v!["name"] == "region")!["default"]);
        Assert.Equal(HttpStatusCode.OK, (await api.Client.PostAsync("/api/workflow-definitions/funnel-hz/publish", null)).StatusCode);
    }

    [Fact]
    public async Task TemplateClone_BadParameters_AreRefusedField_ByField_AndSaveNothing()
    {
        await using var api = await WorkflowApi.StartAsync();

        var invalid = await api.Client.PostAsJsonAsync("/api/workflow-templates/onboarding-7-21/clone",
            new { definitionId = "bad id", name = "", region = "hangzhou", variables = new { optedIn = "yes", nosuch = 1 } });
        var unknownRegion = await api.Client.PostAsJsonAsync("/api/workflow-templates/onboarding-7-21/clone",
            new { definitionId = "f1", name = "F", region = "atlantis" });
        var unknownTemplate = await api.Client.PostAsJsonAsync("/api/workflow-templates/nope/clone", new { definitionId = "f2", name = "F", region = "x" });
        await api.SettledAsync();

        var problem = await Problem.ReadAsync(invalid);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Superset(new HashSet<string> { "definitionId", "name", "variables.optedIn", "variables.nosuch" }, problem.Errors.Keys.ToHashSet());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownRegion.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownTemplate.StatusCode);
        Assert.Equal(0, (int)(await api.GetAsync("/api/workflow-definitions"))["total"]!);
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheWorkflowPaths()
    {
        await using var api = await WorkflowApi.StartAsync();

        var document = await api.GetAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "/api/workflow-definitions", "/api/workflow-definitions/{id}", "/api/workflow-definitions/{id}/publish", "/api/workflow-definitions/{id}/retract",
            "/api/workflow-definitions/{id}/versions", "/api/workflow-definitions/{id}/export", "/api/workflow-definitions/import",
            "/api/workflow-instances", "/api/workflow-instances/{id}", "/api/workflow-instances/{id}/journal", "/api/workflow-instances/{id}/cancel",
            "/api/workflow-instances/{id}/retry", "/api/workflows/{definitionId}/dispatch", "/api/workflow-events", "/api/activity-descriptors",
            "/api/workflow-templates", "/api/workflow-templates/{name}/clone",
        }, paths);
        var publish = document["paths"]!["/api/workflow-definitions/{id}/publish"]!["post"]!;
        Assert.Equal("PublishWorkflowDefinition", (string?)publish["operationId"]);
        Assert.Equal("Workflow definitions", (string?)publish["tags"]![0]);
        Assert.NotNull(publish["responses"]!["422"]);
        var statuses = document["components"]!["schemas"]!["WorkflowStatus"]!["enum"]!.AsArray().Select(v => (string?)v);
        Assert.Equal(["running", "suspended", "finished", "faulted", "cancelled"], statuses);
    }
}
