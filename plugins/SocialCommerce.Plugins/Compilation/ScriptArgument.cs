namespace SocialCommerce.Plugins.Compilation;

/// <summary>Unboxes the host's values for generated script code; public only because that code calls it.</summary>
public static class ScriptArgument
{
    public static T Get<T>(object?[] values, int index) => values[index] is null ? default! : (T)values[index]!;
}
