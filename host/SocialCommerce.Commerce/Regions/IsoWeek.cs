using System.Globalization;

namespace SocialCommerce.Commerce.Regions;

/// <summary>The ISO-8601 week a moment falls in, as "2026-W47" — the unit regions plan lines by.</summary>
public static class IsoWeek
{
    public static string Of(DateTimeOffset at)
    {
        var date = at.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }
}
