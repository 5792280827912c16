namespace SocialCommerce.Commerce.Workflows;

/// <summary>Outcome names the commerce activities share.</summary>
public static class CommerceOutcomes
{
    public const string Found = "Found";
    public const string NotFound = "NotFound";
}
