using System.Text.Json;

namespace SocialCommerce.Plugins.Manifests;

/// <summary>
/// A plug-in as a file: a leading <c>/* { manifest JSON } */</c> comment, then the C# code. The comment stays part
/// of the code the compiler sees (it is only a comment), so compile errors carry the file's own line numbers.
/// </summary>
public static class PluginSource
{
    public static (PluginManifest Manifest, string Code) Parse(string text)
    {
        var trimmed = text.TrimStart();
        var end = trimmed.IndexOf("*/", StringComparison.Ordinal);
        if (!trimmed.StartsWith("/*", StringComparison.Ordinal) || end < 0)
        {
            throw new FormatException("A plug-in file starts with its manifest as JSON in a /* ... */ comment.");
        }
        PluginManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PluginManifest>(trimmed[2..end], PluginManifest.Json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The manifest comment is not valid JSON: {ex.Message}", ex);
        }
        return ((manifest ?? throw new FormatException("The manifest comment is empty.")).Normalized(), text);
    }
}
