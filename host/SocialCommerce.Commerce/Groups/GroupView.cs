namespace SocialCommerce.Commerce.Groups;

public sealed record GroupView(
    string Id,
    string Name,
    string OwnerId,
    string RegionId,
    GroupKind Kind,
    int Capacity,
    int MemberCount,
    IReadOnlyList<string> Members,
    long MessageCount,
    int OrderCount,
    DateTimeOffset? LastOrderAt,
    DateTimeOffset CreatedAt)
{
    public bool IsFull => MemberCount >= Capacity;
}
