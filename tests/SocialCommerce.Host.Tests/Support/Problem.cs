using System.Net.Http.Json;

namespace SocialCommerce.Host.Tests.Support;

/// <summary>An RFC 7807 problem as the API returned it, with the response's media type beside it.</summary>
public sealed record Problem(string? MediaType, int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<Body>(CommerceClient.Json)
            ?? throw new InvalidOperationException($"The {(int)response.StatusCode} response had no body.");
        return new Problem(response.Content.Headers.ContentType?.MediaType, body.Status, body.Title ?? "", body.Detail, body.Errors ?? []);
    }

    private sealed record Body(int Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
