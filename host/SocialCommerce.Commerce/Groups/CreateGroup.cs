namespace SocialCommerce.Commerce.Groups;

/// <summary>A promoter opens a chat group. <see cref="Id"/> is optional (give one to make a retry safe).</summary>
public sealed record CreateGroup(string? Id, string? Name, string? OwnerId, GroupKind? Kind)
{
    public ValidationErrors Validate() => new ValidationErrors()
        .Id("id", Id, required: false)
        .Text("name", Name)
        .Id("ownerId", OwnerId)
        .Defined("kind", Kind);
}
