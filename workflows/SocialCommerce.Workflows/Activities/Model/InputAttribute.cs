namespace SocialCommerce.Workflows.Activities;

/// <summary>Marks an <see cref="Input{T}"/> property as an input the designer shows and a definition may set.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class InputAttribute(string help) : Attribute
{
    public string Help { get; } = help;

    /// <summary>The designer's editor: text, multiline, number, checkbox, json, duration, cron, variable, code, list.</summary>
    public string UiHint { get; init; } = UiHints.Text;

    public bool Required { get; init; }

    /// <summary>The value must be a literal (it is read once per published version, e.g. a trigger's slug or a case list).</summary>
    public bool LiteralOnly { get; init; }
}

public static class UiHints
{
    public const string Text = "text";
    public const string Multiline = "multiline";
    public const string Number = "number";
    public const string Checkbox = "checkbox";
    public const string Json = "json";
    public const string Duration = "duration";
    public const string Cron = "cron";
    public const string Variable = "variable";
    public const string Code = "code";
    public const string List = "list";
    public const string Select = "select";
}
