namespace SocialCommerce.Commerce.Regions;

public sealed record RegionView(
    string Id,
    string Name,
    int PromoterCount,
    int GroupCount,
    int LineCount,
    string CurrentWeek,
    int LinesThisWeek);
