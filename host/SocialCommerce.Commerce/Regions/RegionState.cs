namespace SocialCommerce.Commerce.Regions;

/// <summary>
/// The stored state of a region grain: its name and the lists that let us answer "which promoters / groups /
/// lines does this region have" without scanning (grains are key/value). The lists are filled from events.
/// </summary>
public sealed class RegionState
{
    public string Name { get; set; } = "";

    public List<string> PromoterIds { get; set; } = [];

    public List<string> GroupIds { get; set; } = [];

    public List<FunnelLine> Lines { get; set; } = [];

    public RegionView ToView(string id, DateTimeOffset now)
    {
        var week = IsoWeek.Of(now);
        return new(id, Name, PromoterIds.Count, GroupIds.Count, Lines.Count, week, Lines.Count(l => l.Week == week));
    }

    public IReadOnlyList<object> Define(string id, string name)
    {
        if (Name == name)
        {
            return [];
        }

        Name = name;
        return [new RegionDefined(id, name)];
    }

    /// <summary>True if the id was new to the list (adding again is a no-op, so a redelivered event is harmless).</summary>
    public static bool AddOnce(List<string> ids, string id)
    {
        if (ids.Contains(id))
        {
            return false;
        }

        ids.Add(id);
        return true;
    }

    public IReadOnlyList<object> StartLine(string id, string lineId, string ownerId, string warmUpGroupId, DateTimeOffset now)
    {
        var earlier = Lines.Find(l => l.LineId == lineId);
        if (earlier is not null)
        {
            return earlier.OwnerId == ownerId && earlier.WarmUpGroupId == warmUpGroupId
                ? []
                : throw new ConflictException("Line id already used", $"Line '{lineId}' already exists in region '{id}' with another owner or group.");
        }

        var sameGroup = Lines.Find(l => l.WarmUpGroupId == warmUpGroupId);
        if (sameGroup is not null)
        {
            throw new ConflictException("Group already runs a line", $"Warm-up group '{warmUpGroupId}' already runs line '{sameGroup.LineId}'; each line starts with a new warm-up group.");
        }

        var line = new FunnelLine(lineId, ownerId, warmUpGroupId, IsoWeek.Of(now), now);
        Lines.Add(line);
        return [new FunnelLineStarted(id, lineId, ownerId, warmUpGroupId, line.Week)];
    }
}
