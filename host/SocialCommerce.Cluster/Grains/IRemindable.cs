namespace SocialCommerce.Cluster;

/// <summary>A grain that receives durable reminders. A reminder fires as a normal turn, at least once and committed once.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminderAsync(string reminderName, CancellationToken cancellationToken = default);
}
