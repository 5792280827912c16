namespace SocialCommerce.Commerce;

/// <summary>The request clashes with the current state of the thing (HTTP 409): a full group, a completed order, a reused id.</summary>
public sealed class ConflictException(string title, string message) : DomainException(title, message)
{
}
