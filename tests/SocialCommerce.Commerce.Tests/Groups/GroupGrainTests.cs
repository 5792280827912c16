using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Testing;

namespace SocialCommerce.Commerce.Tests.Groups;

public sealed class GroupGrainTests
{
    [Fact]
    public async Task Group_ConcurrentJoins_StopExactlyAtCapacity()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceNode.StartAsync(database);
        await node.ArrangeTeamAsync();
        var group = node.Grains.Get<IGroupGrain>("g1");

        var joined = await Task.WhenAll(Enumerable.Range(0, 80).Select(async i =>
        {
            try
            {
                await group.JoinAsync($"fan{i}");
                return true;
            }
            catch (ConflictException)
            {
                return false;
            }
        }));

        // Owner and seller already hold 2 of the 50 places.
        Assert.Equal(48, joined.Count(ok => ok));
        var stored = await GrainRows.ReadStateAsync<GroupState>(database, "group", "g1");
        Assert.Equal(50, stored!.Members.Count);
        Assert.Equal(1, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM outbox WHERE event_type = 'GroupFilled'"));
    }

    [Fact]
    public async Task Group_OpenedBySuspendedPromoter_IsRejected()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceNode.StartAsync(database);
        var (root, _, _) = await node.ArrangeTeamAsync();
        await node.Grains.Get<IPromoterGrain>(root.Id).SuspendAsync("spam");

        await Assert.ThrowsAsync<RuleViolationException>(() =>
            node.Service<GroupOpening>().OpenAsync(new CreateGroup("g2", "Another", root.Id, GroupKind.Interest), default));
        Assert.Null(await node.Grains.Get<IGroupGrain>("g2").GetAsync());
    }
}
