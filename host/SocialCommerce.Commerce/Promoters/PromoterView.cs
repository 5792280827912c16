namespace SocialCommerce.Commerce.Promoters;

/// <summary>A read-only snapshot of one promoter.</summary>
public sealed record PromoterView(
    string Id,
    string Name,
    string RegionId,
    string InviteCode,
    string? UplineId,
    string? SecondUplineId,
    PromoterLevel Level,
    PromoterStatus Status,
    DateTimeOffset RegisteredAt)
{
    /// <summary>
    /// Who earns commission on this promoter's sales: the promoter, the upline and the upline's upline —
    /// never more than three levels (DOMAIN.md: more is the pattern of pyramid selling).
    /// </summary>
    public IReadOnlyList<string> CommissionChain =>
        new[] { Id, UplineId, SecondUplineId }.OfType<string>().ToArray();
}
