namespace SocialCommerce.Workflows.Activities.Timers;

/// <summary>A five-field cron schedule (minute hour day-of-month month day-of-week; *, lists, ranges, steps), in UTC.</summary>
public sealed class CronSchedule
{
    private readonly bool[] _minutes, _hours, _days, _months, _weekdays;

    private CronSchedule(bool[] minutes, bool[] hours, bool[] days, bool[] months, bool[] weekdays) =>
        (_minutes, _hours, _days, _months, _weekdays) = (minutes, hours, days, months, weekdays);

    /// <exception cref="FormatException">The expression is not five valid fields.</exception>
    public static CronSchedule Parse(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            throw new FormatException($"Cron expression '{expression}' has {fields.Length} fields; it needs five: minute hour day-of-month month day-of-week.");
        }
        return new CronSchedule(Field(fields[0], 0, 59, "minute"), Field(fields[1], 0, 23, "hour"), Field(fields[2], 1, 31, "day-of-month"),
            Field(fields[3], 1, 12, "month"), Field(fields[4], 0, 7, "day-of-week"));
    }

    /// <summary>The first whole minute strictly after <paramref name="after"/> that the schedule matches.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after)
    {
        var t = new DateTimeOffset(after.UtcDateTime.Year, after.UtcDateTime.Month, after.UtcDateTime.Day, after.UtcDateTime.Hour, after.UtcDateTime.Minute, 0, TimeSpan.Zero)
            .AddMinutes(1);
        // Four years of minutes bounds the search: every valid schedule (even 29 February) matches within that.
        for (var limit = t.AddYears(4); t < limit;)
        {
            if (!_months[t.Month] || !_days[t.Day] || !(_weekdays[(int)t.DayOfWeek] || (t.DayOfWeek == DayOfWeek.Sunday && _weekdays[7])))
            {
                t = new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1);
            }
            else if (!_hours[t.Hour])
            {
                t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
            }
            else if (!_minutes[t.Minute])
            {
                t = t.AddMinutes(1);
            }
            else
            {
                return t;
            }
        }
        throw new InvalidOperationException("The cron schedule never matches a real date.");
    }

    private static bool[] Field(string text, int min, int max, string name)
    {
        var allowed = new bool[max + 1];
        foreach (var part in text.Split(','))
        {
            var (range, step) = part.Split('/') switch
            {
                [var r] => (r, 1),
                [var r, var s] when int.TryParse(s, out var n) && n > 0 => (r, n),
                _ => throw new FormatException($"Cron {name} field '{text}': '{part}' has a bad step."),
            };
            var (from, to) = range == "*" ? (min, max) : range.Split('-') switch
            {
                [var a] when int.TryParse(a, out var v) => (v, step > 1 ? max : v),
                [var a, var b] when int.TryParse(a, out var x) && int.TryParse(b, out var y) => (x, y),
                _ => throw new FormatException($"Cron {name} field '{text}': '{range}' is not *, a number or a range."),
            };
            if (from < min || to > max || from > to)
            {
                throw new FormatException($"Cron {name} field '{text}': values must lie in {min}-{max}.");
            }
            for (var v = from; v <= to; v += step)
            {
                allowed[v] = true;
            }
        }
        return allowed;
    }
}
