using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Groups;

[EventName(nameof(GroupCreated))]
public sealed record GroupCreated(string GroupId, string Name, string OwnerId, string RegionId, GroupKind Kind, int Capacity);

[EventName(nameof(GroupMemberJoined))]
public sealed record GroupMemberJoined(string GroupId, string MemberId, int MemberCount, int Capacity);

[EventName(nameof(GroupMemberLeft))]
public sealed record GroupMemberLeft(string GroupId, string MemberId, int MemberCount);

/// <summary>The group reached its capacity — e.g. the "build a 50-person group" task of the funnel is done.</summary>
[EventName(nameof(GroupFilled))]
public sealed record GroupFilled(string GroupId, string OwnerId, GroupKind Kind, int Capacity);
