namespace SocialCommerce.Commerce;

/// <summary>
/// A request the domain refuses, with a message a person can act on. The host maps each kind to an HTTP status
/// (problem+json); the grain turn that threw it is discarded, so a refused request changes nothing.
/// </summary>
public abstract class DomainException(string title, string message) : Exception(message)
{
    /// <summary>Short, stable summary of the kind of problem (the problem's <c>title</c>).</summary>
    public string Title { get; } = title;
}
