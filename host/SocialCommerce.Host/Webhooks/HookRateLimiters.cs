using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace SocialCommerce.Host.Webhooks;

/// <summary>
/// One token bucket per hook on this node: a hook's limit is per second with a burst of the same size. Per node on
/// purpose — a shared counter would cost a database write per request, the very thing the limit protects.
/// </summary>
internal sealed class HookRateLimiters : IDisposable
{
    private readonly ConcurrentDictionary<string, (int PerSecond, TokenBucketRateLimiter Bucket)> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes one token; when none is left, says how long until one is.</summary>
    public bool TryAcquire(string slug, int perSecond, out TimeSpan retryAfter)
    {
        var bucket = Bucket(slug, perSecond);
        using var lease = bucket.AttemptAcquire();
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : TimeSpan.FromSeconds(1);
        return false;
    }

    private TokenBucketRateLimiter Bucket(string slug, int perSecond)
    {
        while (true)
        {
            if (_buckets.TryGetValue(slug, out var current) && current.PerSecond == perSecond)
            {
                return current.Bucket;
            }
            // The hook's limit changed (or first use): a fresh bucket at the new size.
            var created = (perSecond, new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
            var stored = current.Bucket is null ? _buckets.TryAdd(slug, created) : _buckets.TryUpdate(slug, created, current);
            if (stored)
            {
                current.Bucket?.Dispose();
                return created.Item2;
            }
            created.Item2.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var (_, bucket) in _buckets.Values)
        {
            bucket.Dispose();
        }
    }
}
