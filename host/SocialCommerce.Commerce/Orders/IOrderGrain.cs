using SocialCommerce.Cluster;

namespace SocialCommerce.Commerce.Orders;

/// <summary>One order, keyed by order id.</summary>
public interface IOrderGrain : IGrain
{
    Task<OrderView?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Places the order; repeating the same placement returns the stored order.</summary>
    Task<OrderView> PlaceAsync(NewOrder order, CancellationToken cancellationToken = default);

    /// <summary>Records money that arrived; the same payment id twice records it once. Emits OrderPaid / OrderCompleted when due.</summary>
    Task<OrderView> RecordPaymentAsync(string paymentId, PaymentChannel channel, Money amount, string? reference, CancellationToken cancellationToken = default);

    Task<OrderView> MarkShippedAsync(string? trackingNumber, CancellationToken cancellationToken = default);

    /// <summary>The parcel was signed for; completes the order if it is paid in full.</summary>
    Task<OrderView> MarkSignedAsync(CancellationToken cancellationToken = default);

    Task<OrderView> MarkReturnedAsync(string reason, CancellationToken cancellationToken = default);
}
