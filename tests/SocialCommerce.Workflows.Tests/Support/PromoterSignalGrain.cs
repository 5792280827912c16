using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Tests.Support;

/// <summary>A domain grain outside the engine that emits an event workflows wait for, as Commerce's grains do.</summary>
public interface IPromoterSignalGrain : IGrain
{
    Task OptInAsync(CancellationToken cancellationToken = default);
}

[EventName("promoter.opted-in")]
public sealed record PromoterOptedIn(string PromoterId);

public sealed class PromoterSignalGrain(IGrainState<PromoterSignalState> state) : IPromoterSignalGrain
{
    public async Task OptInAsync(CancellationToken cancellationToken = default)
    {
        state.State.OptedIn = true;
        state.Emit(new PromoterOptedIn(state.Id.Key));
        await state.WriteAsync(cancellationToken);
    }
}

public sealed class PromoterSignalState
{
    public bool OptedIn { get; set; }
}
