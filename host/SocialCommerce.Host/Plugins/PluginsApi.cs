using Microsoft.AspNetCore.Http.HttpResults;
using SocialCommerce.Plugins.Expressions;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Registry;

namespace SocialCommerce.Host.Plugins;

/// <summary>
/// C# script plug-ins: upload a version (checked, compiled and sandbox-analysed before it is stored), list, read,
/// and delete a version — refused with 409 while a published workflow pins it.
/// </summary>
public static class PluginsApi
{
    public static RouteGroupBuilder MapPluginsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/plugins").WithTags("Plugins");
        api.MapPost("/", Upload);
        api.MapGet("/", List);
        api.MapGet("/{name}/{version}", Get);
        api.MapDelete("/{name}/{version}", Delete);
        return api;
    }

    /// <summary>201 for a new version, 200 when the same content was already stored, 400 with line and column for code that does not compile.</summary>
    public static async Task<Results<Created<PluginVersionResponse>, Ok<PluginVersionResponse>, ValidationProblem, ProblemHttpResult>> Upload(
        PluginUploadBody body, PluginRegistry registry, CancellationToken cancellationToken)
    {
        PluginManifest manifest;
        string code;
        try
        {
            (manifest, code) = body switch
            {
                { Source: { } source } => PluginSource.Parse(source),
                { Manifest: { } m, Code: { } c } => (m.Normalized(), c),
                _ => throw new FormatException("Send either manifest and code, or source (a plug-in file's text)."),
            };
        }
        catch (FormatException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["source"] = [ex.Message] },
                title: "The plug-in could not be read");
        }

        try
        {
            var (version, outcome) = await registry.SaveAsync(manifest, code, PluginOrigin.Api, cancellationToken);
            var response = PluginVersionResponse.From(version, withCode: false);
            return outcome == PluginSaveOutcome.Created
                ? TypedResults.Created($"/api/plugins/{version.Name}/{version.Version}", response)
                : TypedResults.Ok(response);
        }
        catch (ScriptCompilationException ex)
        {
            var errors = ex.Diagnostics.GroupBy(d => d.Message.StartsWith("manifest:", StringComparison.Ordinal) ? "manifest" : "code")
                .ToDictionary(g => g.Key, g => g.Select(d => d.Message.StartsWith("manifest:", StringComparison.Ordinal)
                    ? d.Message["manifest:".Length..].Trim()
                    : $"line {d.Line}, column {d.Column}: {d.Id}: {d.Message}").ToArray());
            return TypedResults.ValidationProblem(errors, title: "The plug-in was not stored: fix these and upload again",
                extensions: new Dictionary<string, object?> { ["diagnostics"] = ex.Diagnostics });
        }
        catch (PluginVersionConflictException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "This version already exists");
        }
    }

    public static async Task<Ok<PluginVersionResponse[]>> List(PluginRegistry registry, CancellationToken cancellationToken) =>
        TypedResults.Ok((await registry.ListAsync(cancellationToken)).Select(v => PluginVersionResponse.From(v, withCode: false)).ToArray());

    public static async Task<Results<Ok<PluginVersionResponse>, ProblemHttpResult>> Get(
        string name, string version, PluginRegistry registry, CancellationToken cancellationToken) =>
        await registry.GetAsync(name, version, cancellationToken) is { } stored
            ? TypedResults.Ok(PluginVersionResponse.From(stored, withCode: true))
            : NotFound(name, version);

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string name, string version, PluginRegistry registry, CancellationToken cancellationToken)
    {
        try
        {
            await registry.DeleteAsync(name, version, cancellationToken);
            return TypedResults.NoContent();
        }
        catch (PluginNotFoundException)
        {
            return NotFound(name, version);
        }
        catch (PluginVersionPinnedException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "The version is in use",
                extensions: new Dictionary<string, object?> { ["pinnedBy"] = ex.PinnedBy });
        }
    }

    private static ProblemHttpResult NotFound(string name, string version) =>
        TypedResults.Problem($"Plug-in {name} version {version} does not exist.", statusCode: StatusCodes.Status404NotFound,
            title: "Plug-in version not found");
}
