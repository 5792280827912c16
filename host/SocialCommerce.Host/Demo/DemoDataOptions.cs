namespace SocialCommerce.Host.Demo;

/// <summary>Configuration section <c>Demo</c>.</summary>
public sealed class DemoDataOptions
{
    public const string SectionName = "Demo";

    /// <summary>Seed the demo data set on start when the database has no region yet (default true).</summary>
    public bool SeedOnStart { get; set; } = true;
}
