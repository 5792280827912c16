using System.Reflection;
using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Events;

/// <summary>A domain event type that workflows may be started or resumed by, and how to read its correlation value.</summary>
public sealed record WorkflowEventRegistration(string EventName, Type EventType, Func<object, string?> Correlation)
{
    public static WorkflowEventRegistration For<TEvent>(Func<TEvent, string?> correlation) where TEvent : class =>
        new(typeof(TEvent).GetCustomAttribute<EventNameAttribute>()?.Name ?? typeof(TEvent).Name, typeof(TEvent), e => correlation((TEvent)e));
}

/// <summary>The event types registered with <c>AddWorkflowEvent</c>, by event name (the designer lists them for EventTrigger).</summary>
public sealed class WorkflowEventRegistry
{
    private readonly Dictionary<string, WorkflowEventRegistration> _byName;

    public WorkflowEventRegistry(IEnumerable<WorkflowEventRegistration> registrations)
    {
        _byName = new Dictionary<string, WorkflowEventRegistration>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            _byName[registration.EventName] = registration;
        }
    }

    public IReadOnlyCollection<string> EventNames => _byName.Keys;

    public WorkflowEventRegistration? Find(string eventName) => _byName.GetValueOrDefault(eventName);
}
