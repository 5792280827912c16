using SocialCommerce.Plugins.Sdk;

namespace SocialCommerce.Plugins.Tests.Samples;

internal static class SampleFixtures
{
    public static PromoterView Promoter(long monthlyGmvFen, string id = "p-1") =>
        new(id, "Li Na", "promoter", null, "east", monthlyGmvFen, DateTimeOffset.Parse("2026-01-01T00:00:00Z"));

    public static OrderView Order(long amountFen, string promoterId = "p-1") =>
        new("o-1", promoterId, null, amountFen, amountFen, "paid", DateTimeOffset.Parse("2026-11-29T00:00:00Z"));

    public static Dictionary<string, object?> Fan(string fanId, string phone, bool blocked = false) =>
        new() { ["fanId"] = fanId, ["phone"] = phone, ["blocked"] = blocked };
}
