namespace SocialCommerce.Workflows.Activities;

/// <summary>How an activity shows in the designer's palette, and what the engine must know about it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string category, string displayName, string help) : Attribute
{
    public string Category { get; } = category;

    public string DisplayName { get; } = displayName;

    public string Help { get; } = help;

    /// <summary>Stored type name; the class name by default.</summary>
    public string? Type { get; init; }

    public ActivityKind Kind { get; init; } = ActivityKind.Action;

    /// <summary>
    /// True for activities that bound a loop through them (they wait, or iterate a finite list), so that a cycle through
    /// one is not reported as a loop that would spin forever.
    /// </summary>
    public bool BoundsLoops { get; init; }
}

public enum ActivityKind
{
    /// <summary>Runs and completes within the turn.</summary>
    Action,

    /// <summary>Starts instances from outside (webhook, event, timer); its literal settings are published.</summary>
    Trigger,

    /// <summary>Suspends the instance on a bookmark until a stimulus or a due time resumes it.</summary>
    Wait,
}
