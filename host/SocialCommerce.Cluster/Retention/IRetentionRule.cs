namespace SocialCommerce.Cluster;

/// <summary>
/// Rows a module may delete once they are old enough — dispatched events, dedup records, delivery logs — so that
/// storage stays proportional to recent traffic, not to everything that ever happened. Rules are run by the
/// retention loop (<c>Cluster:RetentionInterval</c>); several nodes may run the same rule, so a rule must only
/// delete, and deleting twice must be harmless.
/// </summary>
public interface IRetentionRule
{
    string Name { get; }

    /// <summary>Deletes what is older than the rule's retention at <paramref name="now"/>; returns the rows deleted.</summary>
    Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
