using SocialCommerce.Workflows.Activities.Timers;

namespace SocialCommerce.Workflows.Tests.Execution;

public sealed class CronScheduleTests
{
    private static readonly DateTimeOffset Monday0815 = new(2026, 11, 30, 8, 15, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0 20 * * *", "2026-11-30T20:00:00Z")]
    [InlineData("*/20 * * * *", "2026-11-30T08:20:00Z")]
    [InlineData("0 9 * * 6,7", "2026-12-05T09:00:00Z")]
    [InlineData("30 7-9 1 * *", "2026-12-01T07:30:00Z")]
    [InlineData("15 8 * * 1", "2026-12-07T08:15:00Z")]
    public void NextAfter_FindsTheNextMatchingMinute(string expression, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CronSchedule.Parse(expression).NextAfter(Monday0815));

    [Theory]
    [InlineData("0 20 * *")]
    [InlineData("60 * * * *")]
    [InlineData("0 0 * * 8")]
    [InlineData("*/0 * * * *")]
    [InlineData("a b c d e")]
    public void Parse_RefusesWhatIsNotFiveValidFields(string expression) => Assert.Throws<FormatException>(() => CronSchedule.Parse(expression));
}
