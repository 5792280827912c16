using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace SocialCommerce.Plugins.Manifests;

/// <summary>
/// What a plug-in is: name and version (together its identity; a version never changes once stored), kind, typed
/// inputs and outputs, and a description for the designer. Commission formulas and task checks have fixed
/// outputs (<see cref="EffectiveOutputs"/>); an activity declares its own.
/// </summary>
public sealed partial record PluginManifest(
    string Name, string Version, [property: JsonConverter(typeof(PluginKindJsonConverter))] PluginKind Kind,
    IReadOnlyList<PluginParameter> Inputs, IReadOnlyList<PluginParameter> Outputs, string Description = "")
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    [JsonIgnore]
    public IReadOnlyList<PluginParameter> EffectiveOutputs => Kind switch
    {
        PluginKind.CommissionFormula => [new("commission", "money", "The commission in fen.")],
        PluginKind.TaskCheck => [new("passed", "boolean"), new("reason", "string")],
        PluginKind.ExpressionLibrary => [],
        _ => Outputs,
    };

    /// <summary>The same manifest with absent lists (JSON without "inputs") as empty lists.</summary>
    public PluginManifest Normalized() => this with { Inputs = Inputs ?? [], Outputs = Outputs ?? [], Description = Description ?? "" };

    /// <summary>Every problem a person must fix before this manifest is accepted; empty when it is valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(Name) || !NamePattern().IsMatch(Name))
        {
            problems.Add($"name '{Name}' must be 1-64 lower-case letters, digits or '-', starting with a letter or digit");
        }
        if (string.IsNullOrEmpty(Version) || !VersionPattern().IsMatch(Version))
        {
            problems.Add($"version '{Version}' must look like 1.2.3 (optionally -suffix)");
        }
        if (!Enum.IsDefined(Kind))
        {
            problems.Add($"kind must be one of {string.Join(", ", PluginKinds.Names)}");
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (parameter, role) in (Inputs ?? []).Select(p => (p, "input")).Concat((Outputs ?? []).Select(p => (p, "output"))))
        {
            if (parameter is null || !SyntaxFacts.IsValidIdentifier(parameter.Name) || SyntaxFacts.GetKeywordKind(parameter.Name) != SyntaxKind.None)
            {
                problems.Add($"{role} name '{parameter?.Name}' must be a C# identifier (and not a keyword)");
                continue;
            }
            if (!names.Add(parameter.Name))
            {
                problems.Add($"{role} '{parameter.Name}' is declared twice");
            }
            if (!PluginValueType.ClrTypes.ContainsKey(parameter.Type ?? ""))
            {
                problems.Add($"{role} '{parameter.Name}' has type '{parameter.Type}'; use one of {string.Join(", ", PluginValueType.ClrTypes.Keys)}");
            }
        }
        if (Kind is not PluginKind.Activity && (Outputs?.Count ?? 0) > 0)
        {
            problems.Add($"a {Kind.Name()} has fixed outputs ({string.Join(", ", EffectiveOutputs.Select(o => o.Name))}); leave outputs empty");
        }
        return problems;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^\d{1,9}\.\d{1,9}\.\d{1,9}(-[0-9A-Za-z.]{1,32})?$")]
    private static partial Regex VersionPattern();
}

/// <summary>Writes and reads a kind as its manifest name (<c>commission-formula</c>).</summary>
public sealed class PluginKindJsonConverter : JsonConverter<PluginKind>
{
    public override PluginKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PluginKinds.TryParse(reader.GetString(), out var kind)
            ? kind
            : throw new JsonException($"kind '{reader.GetString()}' is not one of {string.Join(", ", PluginKinds.Names)}");

    public override void Write(Utf8JsonWriter writer, PluginKind value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name());
}
