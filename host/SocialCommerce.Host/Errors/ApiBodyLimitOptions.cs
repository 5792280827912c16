namespace SocialCommerce.Host.Errors;

/// <summary>Configuration section <c>Api</c>.</summary>
public sealed class ApiBodyLimitOptions
{
    public const string SectionName = "Api";

    /// <summary>Largest request body accepted under /api (default 1 MiB); larger gets 413 problem+json.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
