namespace SocialCommerce.Commerce.Regions;

/// <summary>A supervisor starts a funnel line in their region with a warm-up group they own.</summary>
public sealed record StartFunnelLine(string? Id, string? OwnerId, string? WarmUpGroupId)
{
    public ValidationErrors Validate() => new ValidationErrors()
        .Id("id", Id, required: false)
        .Id("ownerId", OwnerId)
        .Id("warmUpGroupId", WarmUpGroupId);
}
