using System.Text.Json;
using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Tests;

public sealed class MoneyTests
{
    [Fact]
    public void Money_Json_IsAnIntegerOfFen()
    {
        Assert.Equal("12950", JsonSerializer.Serialize(Money.FromFen(12_950), ClusterJson.Options));
        Assert.Equal(Money.FromFen(12_950), JsonSerializer.Deserialize<Money>("12950", ClusterJson.Options));
    }

    [Fact]
    public void Money_JsonWithAFraction_IsRejectedNotRounded()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Money>("129.5", ClusterJson.Options));
        Assert.Contains("integer number of fen", error.Message);
    }

    [Fact]
    public void Money_ToString_ShowsYuanWithTwoDecimals()
    {
        Assert.Equal("¥129.05", Money.FromFen(12_905).ToString());
        Assert.Equal("-¥0.50", Money.FromFen(-50).ToString());
    }

    [Fact]
    public void Money_Overflow_Throws()
    {
        Assert.Throws<OverflowException>(() => Money.FromFen(long.MaxValue) + Money.FromFen(1));
    }
}
