namespace SocialCommerce.Workflows.Activities;

/// <summary>Every activity type the host knows, by stored type name, with descriptors built once at start-up.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityDescriptor> _byType;

    public ActivityRegistry(IEnumerable<ActivityRegistration> registrations)
    {
        _byType = new Dictionary<string, ActivityDescriptor>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            var descriptor = ActivityDescriptorBuilder.Build(registration.ActivityType);
            if (_byType.TryGetValue(descriptor.Type, out var existing) && existing.ClrType != descriptor.ClrType)
            {
                throw new InvalidOperationException($"Activity type '{descriptor.Type}' is registered twice ({existing.ClrType.FullName} and {descriptor.ClrType.FullName}).");
            }
            _byType[descriptor.Type] = descriptor;
        }
        Descriptors = _byType.Values.OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.DisplayName, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<ActivityDescriptor> Descriptors { get; }

    public ActivityDescriptor? Find(string type) => _byType.GetValueOrDefault(type);
}

/// <summary>One activity class added with <c>services.AddActivity&lt;T&gt;()</c>.</summary>
public sealed record ActivityRegistration(Type ActivityType);
