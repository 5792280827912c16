using SocialCommerce.Cluster.Storage;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Commerce.Regions;
using SocialCommerce.Testing;

namespace SocialCommerce.Commerce.Tests.Promoters;

public sealed class PromoterSignUpTests
{
    [Fact]
    public Task SignUp_ThroughInviteCodes_StoresUplineChainTwoLevelsUp_Sqlite() => SignUpChain(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task SignUp_ThroughInviteCodes_StoresUplineChainTwoLevelsUp_Postgres() => SignUpChain(DatabaseProvider.Postgres);

    private static async Task SignUpChain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = await CommerceNode.StartAsync(database);
        await node.Grains.Get<IRegionGrain>("north-east").DefineAsync("North-East");
        var signUp = node.Service<PromoterSignUp>();

        var a = await signUp.SignUpAsync(new SignUpPromoter("a", "A", "north-east", null), default);
        var b = await signUp.SignUpAsync(new SignUpPromoter("b", "B", "north-east", a.InviteCode), default);
        var c = await signUp.SignUpAsync(new SignUpPromoter("c", "C", "north-east", b.InviteCode.ToLowerInvariant()), default);
        var d = await signUp.SignUpAsync(new SignUpPromoter("d", "D", "north-east", c.InviteCode), default);

        var stored = await GrainRows.ReadStateAsync<PromoterState>(database, "promoter", "d");
        Assert.Equal(("c", "b"), (stored!.UplineId, stored.SecondUplineId));
        Assert.Equal(["d", "c", "b"], d.CommissionChain);
        Assert.Equal(PromoterLevel.NewMember, d.Level);
    }

    [Fact]
    public async Task SignUp_UnknownInviteCode_IsRejectedAndStoresNothing()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceNode.StartAsync(database);
        await node.Grains.Get<IRegionGrain>("north-east").DefineAsync("North-East");
        await GrainRows.WaitUntilOutboxDispatchedAsync(database);
        var rowsBefore = await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM grain_state");

        var error = await Assert.ThrowsAsync<RuleViolationException>(() =>
            node.Service<PromoterSignUp>().SignUpAsync(new SignUpPromoter("x", "X", "north-east", "NOSUCH22"), default));

        Assert.Contains("NOSUCH22", error.Message);
        Assert.Equal(rowsBefore, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM grain_state"));
    }

    [Fact]
    public async Task SignUp_SuspendedInvitersCode_IsRejected()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceNode.StartAsync(database);
        var (root, _, _) = await node.ArrangeTeamAsync();
        await node.Grains.Get<IPromoterGrain>(root.Id).SuspendAsync("fake orders");

        await Assert.ThrowsAsync<RuleViolationException>(() =>
            node.Service<PromoterSignUp>().SignUpAsync(new SignUpPromoter("x", "X", "north-east", root.InviteCode), default));
    }

    [Fact]
    public async Task SignUp_RepeatedWithSameId_ReturnsTheSamePromoterAndCode()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceNode.StartAsync(database);
        await node.Grains.Get<IRegionGrain>("north-east").DefineAsync("North-East");
        var signUp = node.Service<PromoterSignUp>();

        var first = await signUp.SignUpAsync(new SignUpPromoter("a", "A", "north-east", null), default);
        var again = await signUp.SignUpAsync(new SignUpPromoter("a", "A", "north-east", null), default);

        Assert.Equal(first, again);
        Assert.Equal(1, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM outbox WHERE event_type = 'PromoterRegistered'"));
    }

    [Fact]
    public async Task SignUp_UnknownRegion_IsRejected()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceNode.StartAsync(database);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() =>
            node.Service<PromoterSignUp>().SignUpAsync(new SignUpPromoter("a", "A", "atlantis", null), default));

        Assert.Contains("atlantis", error.Message);
    }

    [Fact]
    public async Task Promoter_LevelChange_EmitsPromoterLevelChanged()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await CommerceNode.StartAsync(database);
        var (_, seller, _) = await node.ArrangeTeamAsync();

        var promoted = await node.Grains.Get<IPromoterGrain>(seller.Id).ChangeLevelAsync(PromoterLevel.Supervisor);

        Assert.Equal(PromoterLevel.Supervisor, promoted.Level);
        Assert.Equal(1, await GrainRows.ScalarAsync(database, "SELECT COUNT(*) FROM outbox WHERE event_type = 'PromoterLevelChanged'"));
    }
}
