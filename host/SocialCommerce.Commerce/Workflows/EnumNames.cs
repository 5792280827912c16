namespace SocialCommerce.Commerce.Workflows;

/// <summary>Reads commerce enums from activity inputs by their wire names (<c>warm-up</c>, <c>supervisor</c>; see <see cref="WireNames"/>).</summary>
internal static class EnumNames
{
    /// <exception cref="DomainValidationException">Not one of the names.</exception>
    public static TEnum Parse<TEnum>(string field, string? text) where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(WireNames.Of(value), text, StringComparison.OrdinalIgnoreCase) || string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        throw new DomainValidationException(field, $"{field} '{text}' is not one of {string.Join(", ", WireNames.All(typeof(TEnum)))}.");
    }
}
