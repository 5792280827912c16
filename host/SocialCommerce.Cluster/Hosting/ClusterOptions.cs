namespace SocialCommerce.Cluster.Hosting;

/// <summary>Configuration section <c>Cluster</c>: tuning of the grain runtime. The defaults suit one node.</summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>Name of this process in logs and leases (default: machine name + process id).</summary>
    public string NodeName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>An activation unused this long is deactivated and its memory freed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan IdleCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Write concurrent turns of different grains in one transaction.</summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>Most turns in one group commit.</summary>
    public int MaxCommitBatch { get; set; } = 512;

    /// <summary>Parallel commit connections; 0 picks 1 for SQLite (one writer anyway) and 4 for PostgreSQL.</summary>
    public int CommitWriters { get; set; }

    /// <summary>How often a turn that lost an optimistic-concurrency race is re-run before the call fails.</summary>
    public int MaxTurnAttempts { get; set; } = 20;

    /// <summary>
    /// How long an activation trusts its cached state before reading it again at the start of a turn. Writes are
    /// always safe (optimistic concurrency); this bounds how stale a read can be when other nodes write the same
    /// grain. Default: forever on SQLite (one node), 2 seconds on PostgreSQL.
    /// </summary>
    public TimeSpan? StateCacheTtl { get; set; }

    /// <summary>How often due reminders are looked for when nothing wakes the reminder service earlier.</summary>
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a node holds a claimed reminder or outbox event before another node may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the outbox is polled for events left by a crash or by another node.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Most events handed at once to subscribers marked <c>IConcurrentEventSubscriber</c> (one lane per source grain).
    /// </summary>
    public int DispatchConcurrency { get; set; } = 32;

    /// <summary>Run the outbox dispatcher in this process.</summary>
    public bool DispatchOutbox { get; set; } = true;

    /// <summary>How long dispatched outbox events and the subscribers' inbox records are kept before they are deleted.</summary>
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the retention rules (old events, old webhook deliveries, …) run.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Run the retention rules in this process.</summary>
    public bool RunRetention { get; set; } = true;

    /// <summary>Run the reminder service in this process.</summary>
    public bool RunReminders { get; set; } = true;
}
