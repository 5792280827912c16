namespace SocialCommerce.Commerce.Regions;

/// <summary>Creates a regional team (大区) or renames it.</summary>
public sealed record DefineRegion(string? Id, string? Name)
{
    public ValidationErrors Validate() => new ValidationErrors().Id("id", Id).Text("name", Name);
}
