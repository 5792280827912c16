using Microsoft.Extensions.Logging;
using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Orders;

[GrainType("order")]
public sealed class OrderGrain(IGrainState<OrderState> state, TimeProvider time, ILogger<OrderGrain> logger) : IOrderGrain
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
        var events = Existing().RecordPayment(Id, paymentId, channel, amount, reference, time.GetUtcNow());
        await state.CommitAsync(events, cancellationToken);
        var order = state.State;
        if (events.Count > 0)
        {
            // Finance reconciles by these lines: which payment, how much, by which channel, what is still due.
            logger.LogInformation("Recorded payment {PaymentId} of {AmountFen} fen by {Channel}; {PaidFen} of {TotalFen} fen paid",
                paymentId, amount.Fen, WireNames.Of(channel), order.Paid.Fen, order.Total.Fen);
        }

        LogIfCompleted(events);
        return order.ToView(Id);
    }

    public async Task<OrderView> MarkShippedAsync(string? trackingNumber, CancellationToken cancellationToken = default)
    {
        await state.CommitAsync(Existing().Ship(Id, trackingNumber, time.GetUtcNow()), cancellationToken);
        return state.State.ToView(Id);
    }

    public async Task<OrderView> MarkSignedAsync(CancellationToken cancellationToken = default)
    {
        var events = Existing().Sign(Id, time.GetUtcNow());
        await state.CommitAsync(events, cancellationToken);
        LogIfCompleted(events);
        return state.State.ToView(Id);
    }

    public async Task<OrderView> MarkReturnedAsync(string reason, CancellationToken cancellationToken = default)
    {
        await state.CommitAsync(Existing().Return(Id, reason, time.GetUtcNow()), cancellationToken);
        return state.State.ToView(Id);
    }

    private void LogIfCompleted(IReadOnlyList<object> events)
    {
        if (events.OfType<OrderCompleted>().Any())
        {
            logger.LogInformation("Order completed: {TotalFen} fen paid in full and signed for", state.State.Total.Fen);
        }
    }

    private OrderState Existing() => state.Exists ? state.State : throw new NotFoundException("Order", Id);
}
