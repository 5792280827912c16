namespace SocialCommerce.Commerce.Regions;

public sealed class RegionCatalogState
{
    public List<string> RegionIds { get; set; } = [];
}
