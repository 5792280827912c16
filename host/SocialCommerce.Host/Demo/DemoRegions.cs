namespace SocialCommerce.Host.Demo;

/// <summary>The six regional teams (大区) of DOMAIN.md's Shunlian example.</summary>
internal static class DemoRegions
{
    public static readonly IReadOnlyList<(string Id, string Prefix, string Name)> All =
    [
        ("north-east", "ne", "North-East 东北大区"),
        ("north-china", "nc", "North China 华北大区"),
        ("east-china", "ec", "East China 华东大区"),
        ("south-china", "sc", "South China 华南大区"),
        ("central-china", "cc", "Central China 华中大区"),
        ("south-west", "sw", "South-West 西南大区"),
    ];
}
