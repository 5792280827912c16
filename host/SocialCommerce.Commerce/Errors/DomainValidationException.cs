namespace SocialCommerce.Commerce;

/// <summary>An input is malformed (HTTP 400); <see cref="Errors"/> names each offending field.</summary>
public sealed class DomainValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("The request is invalid", string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public DomainValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
