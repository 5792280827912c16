using Xunit;

namespace SocialCommerce.Testing;

/// <summary>Where the test PostgreSQL server is, and whether a test that needs it may be skipped.</summary>
public static class PostgresServer
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable(TestDatabase.PostgresEnvironmentVariable) is { Length: > 0 } value
        ? value
        : null;

    /// <summary>Under CI a missing server is a failure, never a silent skip.</summary>
    public static bool MaySkip => ConnectionString is null &&
        !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A fact that needs PostgreSQL: skipped outside CI when no server is configured, run (and so failing) under CI=true.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.MaySkip)
        {
            Skip = $"No PostgreSQL: set {TestDatabase.PostgresEnvironmentVariable} or run ./test.sh.";
        }
    }
}
