using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Groups;

[GrainType("group")]
public sealed class GroupGrain(IGrainState<GroupState> state, TimeProvider time) : IGroupGrain
{
    private string Id => state.Id.Key;

    public Task<GroupView?> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Exists ? state.State.ToView(Id) : null);

    public async Task<GroupView> CreateAsync(NewGroup group, CancellationToken cancellationToken = default)
    {
        if (state.Exists)
        {
            return state.State.IsSameGroup(group)
                ? state.State.ToView(Id)
                : throw new ConflictException("Group already exists", $"Group id '{Id}' is already used by another group; choose another id.");
        }

        await state.CommitAsync(state.State.Create(Id, group, time.GetUtcNow()), cancellationToken);
        return state.State.ToView(Id);
    }

    public async Task<GroupView> JoinAsync(string memberId, CancellationToken cancellationToken = default)
    {
        await state.CommitAsync(Existing().Join(Id, memberId), cancellationToken);
        return state.State.ToView(Id);
    }

    public async Task<GroupView> LeaveAsync(string memberId, CancellationToken cancellationToken = default)
    {
        await state.CommitAsync(Existing().Leave(Id, memberId), cancellationToken);
        return state.State.ToView(Id);
    }

    public async Task<GroupView> RecordMessagesAsync(int count, CancellationToken cancellationToken = default)
    {
        Existing().RecordMessages(count);
        await state.WriteAsync(cancellationToken);
        return state.State.ToView(Id);
    }

    public async Task RecordOrderAsync(string orderId, DateTimeOffset placedAt, CancellationToken cancellationToken = default)
    {
        if (Existing().RecordOrder(orderId, placedAt))
        {
            await state.WriteAsync(cancellationToken);
        }
    }

    private GroupState Existing() => state.Exists ? state.State : throw new NotFoundException("Group", Id);
}
