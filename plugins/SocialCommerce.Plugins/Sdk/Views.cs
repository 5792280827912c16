namespace SocialCommerce.Plugins.Sdk;

// Read-only views of the domain objects a plug-in runs for. Plain records here, not the Commerce types: plug-ins
// must keep compiling whatever Commerce's grains look like, and a script must not reach a grain. The engine fills
// them from grain state. Money is in fen (1 yuan = 100 fen), never a floating-point number.

/// <summary>The promoter the script runs for.</summary>
public sealed record PromoterView(
    string Id, string Name, string Level, string? UplineId, string? RegionId, long MonthlyGmvFen, DateTimeOffset JoinedAt);

/// <summary>The group (团) the script runs for.</summary>
public sealed record GroupView(string Id, string LeaderId, string Status, int MemberCount, int Capacity);

/// <summary>The order the script runs for.</summary>
public sealed record OrderView(string Id, string PromoterId, string? GroupId, long AmountFen, long PaidFen, string Status, DateTimeOffset CreatedAt);

/// <summary>What a task check decides.</summary>
public sealed record TaskCheckResult(bool Passed, string Reason);
