using SocialCommerce.Workflows.Validation;

namespace SocialCommerce.Workflows.Definitions;

/// <summary>
/// Something outside the definition that a published version depends on (a plug-in version, say): checked and held
/// when the version is published, let go when the definition is retracted. Registered with
/// <c>services.AddPublishHook&lt;T&gt;()</c>; the definition grain calls every hook in its publish and retract turns.
/// Both calls must be idempotent: a turn can run again after a version conflict.
/// </summary>
public interface IPublishHook
{
    /// <summary>Checks and holds what <paramref name="version"/> uses; any error refuses the publish (and the hooks are told to let go).</summary>
    Task<IReadOnlyList<ValidationError>> OnPublishingAsync(WorkflowDefinition version, CancellationToken cancellationToken);

    /// <summary>Lets go of what <paramref name="version"/> held (it was retracted, or its publish was refused).</summary>
    Task OnReleasedAsync(WorkflowDefinition version, CancellationToken cancellationToken);
}
