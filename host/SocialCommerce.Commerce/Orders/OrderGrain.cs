using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Orders;

[GrainType("order")]
public sealed class OrderGrain(IGrainState<OrderState> state, TimeProvider time) : IOrderGrain
{
    private string Id => state.Id.Key;

    public Task<OrderView?> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Exists ? state.State.ToView(Id) : null);

    public async Task<OrderView> PlaceAsync(NewOrder order, CancellationToken cancellationToken = default)
    {
        if (state.Exists)
        {
            return state.State.IsSameOrder(order)
                ? state.State.ToView(Id)
                : throw new ConflictException("Order already exists", $"Order id '{Id}' is already used by another order; choose another id.");
        }

        await state.CommitAsync(state.State.Place(Id, order, time.GetUtcNow()), cancellationToken);
        return state.State.ToView(Id);
    }

    public async Task<OrderView> RecordPaymentAsync(string paymentId, PaymentChannel channel, Money amount, string? reference, CancellationToken cancellationToken = default)
    {
        await state.CommitAsync(Existing().RecordPayment(Id, paymentId, channel, amount, reference, time.GetUtcNow()), cancellationToken);
        return state.State.ToView(Id);
    }

    public async Task<OrderView> MarkShippedAsync(string? trackingNumber, CancellationToken cancellationToken = default)
    {
        await state.CommitAsync(Existing().Ship(Id, trackingNumber, time.GetUtcNow()), cancellationToken);
        return state.State.ToView(Id);
    }

    public async Task<OrderView> MarkSignedAsync(CancellationToken cancellationToken = default)
    {
        await state.CommitAsync(Existing().Sign(Id, time.GetUtcNow()), cancellationToken);
        return state.State.ToView(Id);
    }

    public async Task<OrderView> MarkReturnedAsync(string reason, CancellationToken cancellationToken = default)
    {
        await state.CommitAsync(Existing().Return(Id, reason, time.GetUtcNow()), cancellationToken);
        return state.State.ToView(Id);
    }

    private OrderState Existing() => state.Exists ? state.State : throw new NotFoundException("Order", Id);
}
