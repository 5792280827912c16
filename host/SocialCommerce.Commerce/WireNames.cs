using System.Text.Json;

namespace SocialCommerce.Commerce;

/// <summary>
/// The names enum values have on the wire ("wechat-transfer", "new-member"), for messages a person reads: the API
/// user typed those, not the C# member names.
/// </summary>
public static class WireNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Of(value, typeof(TEnum));

    /// <summary>Every defined value of <paramref name="enumType"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All(Type enumType) =>
        Enum.GetValues(enumType).Cast<object>().Select(value => Of(value, enumType)).ToArray();

    private static string Of(object value, Type enumType) => JsonSerializer.Serialize(value, enumType).Trim('"');
}
