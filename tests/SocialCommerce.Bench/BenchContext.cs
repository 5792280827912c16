using System.Diagnostics;

namespace SocialCommerce.Bench;

/// <summary>What every benchmark needs: where PostgreSQL is, how long to measure, and how to print a row.</summary>
public sealed record BenchContext(string? PostgresConnectionString, TimeSpan Duration)
{
    public static BenchContext FromEnvironment(string[] args)
    {
        var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).FirstOrDefault();
        return new BenchContext(
            Environment.GetEnvironmentVariable("SC_TEST_POSTGRES") is { Length: > 0 } pg ? pg : null,
            TimeSpan.FromSeconds(seconds is null ? 3 : double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)));
    }

    public static void Header(string title, params string[] columns)
    {
        Console.WriteLine();
        Console.WriteLine($"## {title}");
        Console.WriteLine();
        Console.WriteLine("| " + string.Join(" | ", columns) + " |");
        Console.WriteLine("|" + string.Concat(columns.Select(_ => "---|")));
    }

    public static void Row(params object[] cells) => Console.WriteLine("| " + string.Join(" | ", cells) + " |");

    /// <summary>Runs <paramref name="operation"/> from <paramref name="workers"/> concurrent loops for the duration; returns operations per second.</summary>
    public async Task<double> RateAsync(int workers, Func<int, Task> operation)
    {
        long completed = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            while (stopwatch.Elapsed < Duration)
            {
                await operation(worker);
                Interlocked.Increment(ref completed);
            }
        })));
        return completed / stopwatch.Elapsed.TotalSeconds;
    }

    public static string PerSecond(double rate) => rate.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + "/s";

    public static string Ratio(double value, double baseline) => (value / baseline).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "×";
}
