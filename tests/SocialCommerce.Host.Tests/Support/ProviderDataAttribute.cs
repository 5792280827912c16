using System.Reflection;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Testing;
using Xunit.Sdk;

namespace SocialCommerce.Host.Tests.Support;

/// <summary>
/// One row of a theory over <see cref="DatabaseProvider"/>: the provider first, then any further arguments. A
/// PostgreSQL row follows <see cref="PostgresFactAttribute"/>: skipped outside CI when no server is configured,
/// run (and so failing) under CI=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ProviderDataAttribute : DataAttribute
{
    private readonly object?[] _row;

    public ProviderDataAttribute(DatabaseProvider provider, params object?[] arguments)
    {
        _row = [provider, .. arguments];
        if (provider == DatabaseProvider.Postgres && PostgresServer.MaySkip)
        {
            Skip = $"No PostgreSQL: set {TestDatabase.PostgresEnvironmentVariable} or run ./test.sh.";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [_row!];
}
