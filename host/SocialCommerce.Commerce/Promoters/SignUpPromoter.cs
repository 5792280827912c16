namespace SocialCommerce.Commerce.Promoters;

/// <summary>
/// A person joining as a promoter. <see cref="InviteCode"/> is a friend's code and makes that friend the upline;
/// without one the promoter is a root of a team (recruited by the platform itself).
/// <see cref="Id"/> is optional: give one to make a retried sign-up safe; otherwise one is generated.
/// </summary>
public sealed record SignUpPromoter(string? Id, string? Name, string? RegionId, string? InviteCode)
{
    public ValidationErrors Validate() => new ValidationErrors()
        .Id("id", Id, required: false)
        .Text("name", Name)
        .Id("regionId", RegionId)
        .Text("inviteCode", InviteCode, required: false);
}
