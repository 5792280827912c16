using System.Text.Json;

namespace SocialCommerce.Commerce.Workflows;

/// <summary>Commerce enums by the names the API and the designer use (<c>warm-up</c>, <c>supervisor</c>).</summary>
internal static class EnumNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => JsonSerializer.Serialize(value).Trim('"');

    /// <exception cref="DomainValidationException">Not one of the names.</exception>
    public static TEnum Parse<TEnum>(string field, string? text) where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(value), text, StringComparison.OrdinalIgnoreCase) || string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        throw new DomainValidationException(field, $"{field} '{text}' is not one of {string.Join(", ", Enum.GetValues<TEnum>().Select(Of))}.");
    }
}
