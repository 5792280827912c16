namespace SocialCommerce.Commerce;

/// <summary>The thing the request names does not exist (HTTP 404).</summary>
public sealed class NotFoundException(string what, string key)
    : DomainException($"{what} not found", $"There is no {what.ToLowerInvariant()} '{key}'. Check the id.")
{
}
