namespace SocialCommerce.Commerce.Promoters;

/// <summary>
/// What a promoter grain needs to register: the upline chain is resolved from the invite code beforehand
/// (see <see cref="PromoterSignUp"/>), so the grain stores it as given.
/// </summary>
public sealed record NewPromoter(
    string Name,
    string RegionId,
    string InviteCode,
    string? UplineId,
    string? SecondUplineId);
