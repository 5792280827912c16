namespace SocialCommerce.Commerce.Groups;

/// <summary>The stored state of a group grain and the rules that change it.</summary>
public sealed class GroupState
{
    public string Name { get; set; } = "";

    public string OwnerId { get; set; } = "";

    public string RegionId { get; set; } = "";

    public GroupKind Kind { get; set; }

    public int Capacity { get; set; }

    /// <summary>Member ids (a promoter id or a chat-tool user id); the owner is the first member.</summary>
    public List<string> Members { get; set; } = [];

    public long MessageCount { get; set; }

    /// <summary>Orders attributed to this group; kept as ids so that counting a redelivered order is a no-op.</summary>
    public List<string> OrderIds { get; set; } = [];

    public DateTimeOffset? LastOrderAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public GroupView ToView(string id) =>
        new(id, Name, OwnerId, RegionId, Kind, Capacity, Members.Count, Members.ToArray(), MessageCount, OrderIds.Count, LastOrderAt, CreatedAt);

    public IReadOnlyList<object> Create(string id, NewGroup group, DateTimeOffset now)
    {
        Name = group.Name;
        OwnerId = group.OwnerId;
        RegionId = group.RegionId;
        Kind = group.Kind;
        Capacity = GroupKinds.CapacityOf(group.Kind);
        Members = [group.OwnerId];
        CreatedAt = now;
        return [new GroupCreated(id, Name, OwnerId, RegionId, Kind, Capacity)];
    }

    public bool IsSameGroup(NewGroup group) =>
        Name == group.Name && OwnerId == group.OwnerId && Kind == group.Kind;

    public IReadOnlyList<object> Join(string id, string memberId)
    {
        if (Members.Contains(memberId))
        {
            return [];
        }

        if (Members.Count >= Capacity)
        {
            throw new ConflictException("Group is full", $"Group '{id}' is full ({Members.Count} of {Capacity} members); '{memberId}' cannot join. Open another group.");
        }

        Members.Add(memberId);
        var joined = new GroupMemberJoined(id, memberId, Members.Count, Capacity);
        return Members.Count == Capacity ? [joined, new GroupFilled(id, OwnerId, Kind, Capacity)] : [joined];
    }

    public IReadOnlyList<object> Leave(string id, string memberId)
    {
        if (memberId == OwnerId)
        {
            throw new RuleViolationException("Owner cannot leave", $"'{memberId}' owns group '{id}' and cannot leave it.");
        }

        return Members.Remove(memberId) ? [new GroupMemberLeft(id, memberId, Members.Count)] : [];
    }

    /// <summary>Chat activity reported by the chat tools; a counter, not an event stream.</summary>
    public void RecordMessages(int count)
    {
        if (count <= 0)
        {
            throw new DomainValidationException("count", $"count must be a positive number of messages (got {count}).");
        }

        MessageCount += count;
    }

    /// <summary>True if the order was new to this group.</summary>
    public bool RecordOrder(string orderId, DateTimeOffset placedAt)
    {
        if (OrderIds.Contains(orderId))
        {
            return false;
        }

        OrderIds.Add(orderId);
        if (LastOrderAt is null || placedAt > LastOrderAt)
        {
            LastOrderAt = placedAt;
        }

        return true;
    }
}
