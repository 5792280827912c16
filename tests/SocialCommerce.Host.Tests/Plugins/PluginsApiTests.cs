using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Plugins.Registry;
using SocialCommerce.Testing;

namespace SocialCommerce.Host.Tests.Plugins;

public sealed class PluginsApiTests
{
    private const string Source = """
        /* { "name": "flat-commission", "version": "1.0.0", "kind": "commission-formula",
             "description": "5% of the order.", "inputs": [] } */
        return (Order?.AmountFen ?? 0) * 5 / 100;
        """;

    [Fact]
    public Task UploadListGetDelete_RoundTrip_Sqlite() => UploadListGetDelete_RoundTrip(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task UploadListGetDelete_RoundTrip_Postgres() => UploadListGetDelete_RoundTrip(DatabaseProvider.Postgres);

    [Fact]
    public async Task DeletePinnedVersion_Is409ProblemJson_AndKeepsIt()
    {
        await using var host = await HostFactory.CreateAsync();
        using var client = host.CreateClient();
        (await client.PostAsJsonAsync("/api/plugins", new { source = Source })).EnsureSuccessStatusCode();
        await host.Services.GetRequiredService<PluginRegistry>().PinAsync("flat-commission", "1.0.0", "workflow:settle@2");

        var response = await client.DeleteAsync("/api/plugins/flat-commission/1.0.0");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["workflow:settle@2"], problem.GetProperty("pinnedBy").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/plugins/flat-commission/1.0.0")).StatusCode);
    }

    [Fact]
    public async Task UploadThatDoesNotCompile_Is400WithLineAndColumn_AndStoresNothing()
    {
        await using var host = await HostFactory.CreateAsync();
        using var client = host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/plugins", new
        {
            manifest = new { name = "bad", version = "1.0.0", kind = "activity", inputs = Array.Empty<object>(), outputs = Array.Empty<object>() },
            code = "var x = 1;\nSystem.IO.File.Delete(\"/tmp/x\");",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var codeErrors = problem.GetProperty("errors").GetProperty("code").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(codeErrors, e => e.StartsWith("line 2, column 1:", StringComparison.Ordinal) && e.Contains("file access"));
        Assert.Empty(await (await client.GetAsync("/api/plugins")).Content.ReadFromJsonAsync<JsonElement[]>() ?? []);
    }

    [Fact]
    public async Task SameVersionWithOtherCode_Is409()
    {
        await using var host = await HostFactory.CreateAsync();
        using var client = host.CreateClient();
        (await client.PostAsJsonAsync("/api/plugins", new { source = Source })).EnsureSuccessStatusCode();

        var same = await client.PostAsJsonAsync("/api/plugins", new { source = Source });
        var changed = await client.PostAsJsonAsync("/api/plugins", new { source = Source.Replace("* 5 /", "* 6 /") });

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownVersion_Is404ProblemJson()
    {
        await using var host = await HostFactory.CreateAsync();
        using var client = host.CreateClient();

        var get = await client.GetAsync("/api/plugins/none/1.0.0");
        var delete = await client.DeleteAsync("/api/plugins/none/1.0.0");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (get.StatusCode, delete.StatusCode));
        Assert.Equal("application/problem+json", delete.Content.Headers.ContentType?.MediaType);
    }

    private static async Task UploadListGetDelete_RoundTrip(DatabaseProvider provider)
    {
        await using var host = await HostFactory.CreateAsync(provider);
        using var client = host.CreateClient();

        var upload = await client.PostAsJsonAsync("/api/plugins", new { source = Source });
        var list = await client.GetFromJsonAsync<JsonElement[]>("/api/plugins");
        var get = await client.GetFromJsonAsync<JsonElement>("/api/plugins/flat-commission/1.0.0");
        var delete = await client.DeleteAsync("/api/plugins/flat-commission/1.0.0");
        var afterDelete = await client.GetAsync("/api/plugins/flat-commission/1.0.0");

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal("/api/plugins/flat-commission/1.0.0", upload.Headers.Location?.OriginalString);
        var listed = Assert.Single(list!);
        Assert.Equal("commission-formula", listed.GetProperty("kind").GetString());
        Assert.Equal("commission", listed.GetProperty("outputs")[0].GetProperty("name").GetString());
        Assert.Equal(Source, get.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
    }
}
