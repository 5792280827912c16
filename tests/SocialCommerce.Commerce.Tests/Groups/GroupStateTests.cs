using SocialCommerce.Commerce.Groups;

namespace SocialCommerce.Commerce.Tests.Groups;

public sealed class GroupStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 20, 0, 0, TimeSpan.Zero);

    private static GroupState Open(GroupKind kind)
    {
        var group = new GroupState();
        group.Create("g1", new NewGroup("Group", "owner", "north-east", kind), Now);
        return group;
    }

    [Theory]
    [InlineData(GroupKind.WarmUp, 500)]
    [InlineData(GroupKind.Task, 50)]
    [InlineData(GroupKind.HeadUser, 500)]
    [InlineData(GroupKind.Interest, 500)]
    public void Group_Capacity_FollowsItsKind(GroupKind kind, int capacity)
    {
        Assert.Equal(capacity, Open(kind).Capacity);
    }

    [Fact]
    public void Group_OwnerIsTheFirstMember()
    {
        Assert.Equal(["owner"], Open(GroupKind.Task).Members);
    }

    [Fact]
    public void Group_JoinWhenFull_IsRejectedAndChangesNothing()
    {
        var group = Open(GroupKind.Task);
        for (var i = 1; i < 50; i++)
        {
            group.Join("g1", $"m{i}");
        }

        var error = Assert.Throws<ConflictException>(() => group.Join("g1", "one-too-many"));

        Assert.Contains("50 of 50", error.Message);
        Assert.Equal(50, group.Members.Count);
    }

    [Fact]
    public void Group_LastFreePlaceTaken_EmitsGroupFilled()
    {
        var group = Open(GroupKind.Task);
        for (var i = 1; i < 49; i++)
        {
            group.Join("g1", $"m{i}");
        }

        var events = group.Join("g1", "m49");

        Assert.IsType<GroupFilled>(events[^1]);
    }

    [Fact]
    public void Group_JoinTwice_IsNoOp()
    {
        var group = Open(GroupKind.Interest);
        group.Join("g1", "m1");

        Assert.Empty(group.Join("g1", "m1"));
        Assert.Equal(2, group.Members.Count);
    }

    [Fact]
    public void Group_OwnerLeaving_IsRejected()
    {
        Assert.Throws<RuleViolationException>(() => Open(GroupKind.Task).Leave("g1", "owner"));
    }

    [Fact]
    public void Group_SameOrderTwice_CountsOnce()
    {
        var group = Open(GroupKind.Task);
        group.RecordOrder("o1", Now);

        Assert.False(group.RecordOrder("o1", Now.AddMinutes(1)));
        Assert.Single(group.OrderIds);
        Assert.Equal(Now, group.LastOrderAt);
    }
}
