using System.Reflection;

namespace SocialCommerce.Cluster.Grains;

/// <summary>
/// What <see cref="IGrainFactory.Get{TGrain}"/> returns: a proxy implementing the grain interface whose every
/// call becomes a turn on the grain's activation. (Orleans generates these at compile time; a runtime
/// <see cref="DispatchProxy"/> keeps us free of a source generator.)
/// </summary>
public class GrainReference : DispatchProxy
{
    internal GrainRuntime Runtime { get; set; } = null!;

    internal GrainId Id { get; set; }

    internal GrainRegistration Registration { get; set; } = null!;

    /// <summary>The activation last used through this reference, kept to skip the directory lookup while it lives.</summary>
    internal GrainActivation? Activation { get; set; }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        GrainMethodInvoker.For(targetMethod!)(Runtime, this, args ?? []);

    public override string ToString() => $"GrainReference({Id})";
}
