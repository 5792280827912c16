using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Groups;

/// <summary>One chat group (社群), keyed by group id.</summary>
public interface IGroupGrain : IGrain
{
    Task<GroupView?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Opens the group; repeating the same creation returns the stored group.</summary>
    Task<GroupView> CreateAsync(NewGroup group, CancellationToken cancellationToken = default);

    /// <summary>Adds a member; joining twice is a no-op; joining a full group is refused.</summary>
    Task<GroupView> JoinAsync(string memberId, CancellationToken cancellationToken = default);

    Task<GroupView> LeaveAsync(string memberId, CancellationToken cancellationToken = default);

    Task<GroupView> RecordMessagesAsync(int count, CancellationToken cancellationToken = default);

    /// <summary>Counts an order attributed to the group (idempotent by order id).</summary>
    Task RecordOrderAsync(string orderId, DateTimeOffset placedAt, CancellationToken cancellationToken = default);
}
