namespace SocialCommerce.Cluster;

internal static class ReminderSchedule
{
    /// <summary>The next due time of a periodic reminder after a firing, skipping periods missed while nobody ran.</summary>
    public static long NextDue(long firedDueAt, long periodMs, long now)
    {
        var next = firedDueAt + periodMs;
        if (next <= now)
        {
            next += (now - next) / periodMs * periodMs + periodMs;
        }
        return next;
    }
}
