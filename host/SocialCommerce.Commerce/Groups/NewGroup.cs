namespace SocialCommerce.Commerce.Groups;

/// <summary>What a group grain needs to open: the owner is checked and the region taken from them beforehand.</summary>
public sealed record NewGroup(string Name, string OwnerId, string RegionId, GroupKind Kind);
