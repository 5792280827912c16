namespace SocialCommerce.Commerce.Promoters;

/// <summary>The stored state of a promoter grain and the rules that change it.</summary>
public sealed class PromoterState
{
    public string Name { get; set; } = "";

    public string RegionId { get; set; } = "";

    public string InviteCode { get; set; } = "";

    public string? UplineId { get; set; }

    public string? SecondUplineId { get; set; }

    public PromoterLevel Level { get; set; } = PromoterLevel.NewMember;

    public PromoterStatus Status { get; set; } = PromoterStatus.Active;

    public DateTimeOffset RegisteredAt { get; set; }

    public PromoterView ToView(string id) =>
        new(id, Name, RegionId, InviteCode, UplineId, SecondUplineId, Level, Status, RegisteredAt);

    /// <summary>Registers a promoter that does not exist yet. Every new promoter starts as a new member.</summary>
    public IReadOnlyList<object> Register(string id, NewPromoter promoter, DateTimeOffset now)
    {
        if (promoter.UplineId == id || (promoter.SecondUplineId is not null && promoter.SecondUplineId == id))
        {
            throw new RuleViolationException("Invalid upline", $"Promoter '{id}' cannot be their own upline.");
        }

        if (promoter.UplineId is null && promoter.SecondUplineId is not null)
        {
            throw new RuleViolationException("Invalid upline", "A second-level upline needs a first-level upline.");
        }

        Name = promoter.Name;
        RegionId = promoter.RegionId;
        InviteCode = promoter.InviteCode;
        UplineId = promoter.UplineId;
        SecondUplineId = promoter.SecondUplineId;
        Level = PromoterLevel.NewMember;
        Status = PromoterStatus.Active;
        RegisteredAt = now;
        return [new PromoterRegistered(id, Name, RegionId, InviteCode, UplineId, SecondUplineId, Level)];
    }

    /// <summary>A repeated registration is a no-op when it asks for what is already stored.</summary>
    public bool IsSameRegistration(NewPromoter promoter) =>
        Name == promoter.Name && RegionId == promoter.RegionId && UplineId == promoter.UplineId;

    public IReadOnlyList<object> ChangeLevel(string id, PromoterLevel level)
    {
        if (!Enum.IsDefined(level))
        {
            throw new DomainValidationException("level", "level must be new-member, promoter or supervisor.");
        }

        if (Level == level)
        {
            return [];
        }

        EnsureActive(id, "change level");
        var from = Level;
        Level = level;
        return [new PromoterLevelChanged(id, RegionId, from, level)];
    }

    public IReadOnlyList<object> Suspend(string id, string reason)
    {
        if (Status == PromoterStatus.Suspended)
        {
            return [];
        }

        Status = PromoterStatus.Suspended;
        return [new PromoterSuspended(id, reason)];
    }

    public IReadOnlyList<object> Reactivate(string id)
    {
        if (Status == PromoterStatus.Active)
        {
            return [];
        }

        Status = PromoterStatus.Active;
        return [new PromoterReactivated(id)];
    }

    public void EnsureActive(string id, string action)
    {
        if (Status != PromoterStatus.Active)
        {
            throw new ConflictException("Promoter is suspended", $"Promoter '{id}' is suspended and cannot {action}; reactivate them first.");
        }
    }
}
