using System.Text.RegularExpressions;

namespace SocialCommerce.Commerce;

/// <summary>
/// Collects what is wrong with an input, field by field, so that a person sees every problem at once
/// (the problem's <c>errors</c>), not one per attempt.
/// </summary>
public sealed partial class ValidationErrors
{
    public const int MaxTextLength = 200;

    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    /// <summary>Required free text (a name, a reason): not blank, at most <see cref="MaxTextLength"/> characters.</summary>
    public ValidationErrors Text(string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Add(field, $"{field} is required.") : this;
        }

        return value.Length > MaxTextLength
            ? Add(field, $"{field} must be at most {MaxTextLength} characters (got {value.Length}).")
            : this;
    }

    /// <summary>An id we use as a grain key: 1–64 letters, digits, '-', '_' or '.', starting with a letter or digit.</summary>
    public ValidationErrors Id(string field, string? value, bool required = true)
    {
        if (string.IsNullOrEmpty(value))
        {
            return required ? Add(field, $"{field} is required.") : this;
        }

        return IdPattern().IsMatch(value)
            ? this
            : Add(field, $"{field} '{Shorten(value)}' is not a valid id: use 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit.");
    }

    public ValidationErrors Positive(string field, Money amount) =>
        amount.IsPositive ? this : Add(field, $"{field} must be a positive number of fen (got {amount.Fen}).");

    public ValidationErrors Range(string field, int value, int min, int max) =>
        value >= min && value <= max ? this : Add(field, $"{field} must be between {min} and {max} (got {value}).");

    public ValidationErrors Defined<TEnum>(string field, TEnum? value) where TEnum : struct, Enum
    {
        if (value is null)
        {
            return Add(field, $"{field} is required.");
        }

        return Enum.IsDefined(value.Value)
            ? this
            : Add(field, $"{field} has an unknown value; use one of: {string.Join(", ", WireNames.All(typeof(TEnum)))}.");
    }

    public Dictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new DomainValidationException(ToDictionary());
        }
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex IdPattern();
}
