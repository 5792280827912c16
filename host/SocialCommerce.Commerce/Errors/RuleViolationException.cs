namespace SocialCommerce.Commerce;

/// <summary>The request is well-formed but breaks a business rule (HTTP 422): an overpayment, an unknown invite code.</summary>
public sealed class RuleViolationException(string title, string message) : DomainException(title, message)
{
}
