namespace SocialCommerce.Workflows.Definitions;

/// <summary>The built-in templates of workflows/templates, embedded in this assembly so that any host can offer them.</summary>
public static class WorkflowTemplates
{
    private const string Prefix = "templates/";

    public static IReadOnlyList<string> Names { get; } = typeof(WorkflowTemplates).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <exception cref="KeyNotFoundException">No template has this name.</exception>
    public static WorkflowDefinition Load(string name)
    {
        using var stream = typeof(WorkflowTemplates).Assembly.GetManifestResourceStream($"{Prefix}{name}.json")
            ?? throw new KeyNotFoundException($"There is no workflow template '{name}'; templates are: {string.Join(", ", Names)}.");
        using var reader = new StreamReader(stream);
        return WorkflowJson.Parse(reader.ReadToEnd());
    }
}
