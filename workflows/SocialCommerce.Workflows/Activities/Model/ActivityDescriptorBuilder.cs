using System.Reflection;
using System.Text.Json.Nodes;

namespace SocialCommerce.Workflows.Activities;

/// <summary>Reads an activity class's attributes and input properties into its <see cref="ActivityDescriptor"/>.</summary>
internal static class ActivityDescriptorBuilder
{
    public static ActivityDescriptor Build(Type activityType)
    {
        if (!typeof(Activity).IsAssignableFrom(activityType) || activityType.IsAbstract)
        {
            throw new ArgumentException($"{activityType.Name} must be a concrete class deriving from Activity.", nameof(activityType));
        }
        var info = activityType.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{activityType.Name} has no [Activity] attribute; add one with its category, display name and help.", nameof(activityType));
        var outcomes = activityType.GetCustomAttribute<OutcomesAttribute>();
        var inputs = activityType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<InputAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => Describe(activityType, p.Property, p.Attribute!))
            .ToList();
        if (outcomes?.FromInput is { } fromInput && !inputs.Any(i => i.Name == fromInput))
        {
            throw new ArgumentException($"{activityType.Name} takes outcomes from input '{fromInput}', which it does not declare.", nameof(activityType));
        }
        return new ActivityDescriptor(info.Type ?? activityType.Name, info.Category, info.DisplayName, info.Help, info.Kind, info.BoundsLoops,
            inputs, outcomes?.Names ?? [], outcomes?.FromInput)
        {
            ClrType = activityType,
        };
    }

    private static InputDescriptor Describe(Type activityType, PropertyInfo property, InputAttribute attribute)
    {
        if (!property.PropertyType.IsGenericType || property.PropertyType.GetGenericTypeDefinition() != typeof(Input<>) || !property.CanWrite)
        {
            throw new ArgumentException($"{activityType.Name}.{property.Name} is marked [Input] but is not a settable Input<T>.", nameof(activityType));
        }
        var valueType = property.PropertyType.GetGenericArguments()[0];
        return new InputDescriptor(CamelCase(property.Name), TypeName(valueType), attribute.UiHint, attribute.Required, attribute.LiteralOnly, attribute.Help)
        {
            ValueType = valueType,
            Property = property,
        };
    }

    internal static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string TypeName(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(string) => "string",
            _ when underlying == typeof(int) || underlying == typeof(long) => "int",
            _ when underlying == typeof(decimal) => "decimal",
            _ when underlying == typeof(bool) => "bool",
            _ when underlying == typeof(TimeSpan) => "duration",
            _ when underlying == typeof(IReadOnlyList<string>) || underlying == typeof(string[]) => "list",
            _ when underlying.IsEnum => "string",
            _ when typeof(JsonNode).IsAssignableFrom(underlying) || underlying == typeof(object) => "json",
            _ => "json",
        };
    }
}
