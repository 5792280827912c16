using SocialCommerce.Cluster;
using SocialCommerce.Workflows.Runtime;

namespace SocialCommerce.Workflows.Triggers;

/// <summary>
/// The Timer and Cron triggers of one definition, keyed by definition id: a durable reminder per trigger that starts
/// an instance when it falls due and then sets the next one. Instance ids are derived from the due time, so a
/// reminder that fires twice starts one instance.
/// </summary>
public interface IWorkflowScheduleGrain : IRemindable
{
    Task ScheduleAsync(int version, IReadOnlyList<PublishedTrigger> triggers, CancellationToken cancellationToken = default);

    Task UnscheduleAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, DateTimeOffset>> GetNextDueAsync(CancellationToken cancellationToken = default);
}
