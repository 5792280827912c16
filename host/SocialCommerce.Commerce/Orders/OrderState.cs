using System.Text.Json.Serialization;

namespace SocialCommerce.Commerce.Orders;

/// <summary>
/// The stored state of an order grain and the rules that change it. An order is complete only when the full
/// amount has arrived and the parcel is signed for (DOMAIN.md), in whichever order those happen.
/// </summary>
public sealed class OrderState
{
    public string PromoterId { get; set; } = "";

    public string? UplineId { get; set; }

    public string? SecondUplineId { get; set; }

    public string RegionId { get; set; } = "";

    public string? GroupId { get; set; }

    public List<OrderItem> Items { get; set; } = [];

    public Money Total { get; set; }

    public List<Payment> Payments { get; set; } = [];

    public DateTimeOffset PlacedAt { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public DateTimeOffset? ShippedAt { get; set; }

    public string? TrackingNumber { get; set; }

    public DateTimeOffset? SignedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? ReturnedAt { get; set; }

    public string? ReturnReason { get; set; }

    [JsonIgnore]
    public Money Paid => Money.Sum(Payments.Select(p => p.Amount));

    [JsonIgnore]
    public Money Outstanding => Total - Paid;

    [JsonIgnore]
    public OrderStatus Status =>
        ReturnedAt is not null ? OrderStatus.Returned
        : CompletedAt is not null ? OrderStatus.Completed
        : SignedAt is not null ? OrderStatus.Signed
        : ShippedAt is not null ? OrderStatus.Shipped
        : OrderStatus.Placed;

    [JsonIgnore]
    public PaymentStatus PaymentStatus =>
        Paid >= Total ? PaymentStatus.Paid : Paid.IsZero ? PaymentStatus.Unpaid : PaymentStatus.PartiallyPaid;

    public OrderView ToView(string id) => new(
        id, PromoterId, UplineId, SecondUplineId, RegionId, GroupId, Items.ToArray(), Total, Paid, Outstanding,
        Payments.ToArray(), Status, PaymentStatus, PlacedAt, PaidAt, ShippedAt, TrackingNumber, SignedAt, CompletedAt,
        ReturnedAt, ReturnReason);

    public IReadOnlyList<object> Place(string id, NewOrder order, DateTimeOffset now)
    {
        if (order.Items.Count == 0)
        {
            throw new DomainValidationException("items", "items must list at least one item.");
        }

        if (order.Items.Any(i => i.Quantity <= 0 || !i.UnitPrice.IsPositive))
        {
            throw new DomainValidationException("items", "Every item needs a positive quantity and a positive unit price in fen.");
        }

        PromoterId = order.PromoterId;
        UplineId = order.UplineId;
        SecondUplineId = order.SecondUplineId;
        RegionId = order.RegionId;
        GroupId = order.GroupId;
        Items = order.Items.ToList();
        Total = Money.Sum(order.Items.Select(i => i.LineTotal));
        PlacedAt = now;
        return [new OrderPlaced(id, PromoterId, UplineId, SecondUplineId, RegionId, GroupId, Total, now)];
    }

    public bool IsSameOrder(NewOrder order) =>
        PromoterId == order.PromoterId && GroupId == order.GroupId && Items.SequenceEqual(order.Items);

    public IReadOnlyList<object> RecordPayment(string id, string paymentId, PaymentChannel channel, Money amount, string? reference, DateTimeOffset now)
    {
        var earlier = Payments.Find(p => p.PaymentId == paymentId);
        if (earlier is not null)
        {
            return earlier.Channel == channel && earlier.Amount == amount
                ? []
                : throw new ConflictException("Payment id already used", $"Payment '{paymentId}' is already recorded on order '{id}' as {earlier.Amount} by {WireNames.Of(earlier.Channel)}; a different payment needs its own id.");
        }

        if (!amount.IsPositive)
        {
            throw new DomainValidationException("amount", $"amount must be a positive number of fen (got {amount.Fen}).");
        }

        if (!Enum.IsDefined(channel))
        {
            throw new DomainValidationException("channel", "channel is not a known payment channel.");
        }

        if (ReturnedAt is not null)
        {
            throw new ConflictException("Order is returned", $"Order '{id}' was returned; it takes no more payments.");
        }

        if (CompletedAt is not null)
        {
            throw new ConflictException("Order is completed", $"Order '{id}' is already completed (paid in full and signed); it takes no more payments.");
        }

        // Compared with what is outstanding rather than as Paid + amount, which overflows on an absurd amount.
        if (amount > Outstanding)
        {
            throw new RuleViolationException("Overpayment", $"A payment of {amount} is more than order '{id}' still needs ({Paid} of {Total} paid); at most {Outstanding} is outstanding.");
        }

        Payments.Add(new Payment(paymentId, channel, amount, reference, now));
        var paid = Paid;
        List<object> events = [new PaymentRecorded(id, paymentId, channel, amount, reference, paid, Total - paid)];
        if (paid == Total)
        {
            PaidAt = now;
            events.Add(new OrderPaid(id, Total));
            CompleteIfDone(id, now, events);
        }

        return events;
    }

    public IReadOnlyList<object> Ship(string id, string? trackingNumber, DateTimeOffset now)
    {
        EnsureNotReturned(id, "be shipped");
        if (ShippedAt is not null)
        {
            return [];
        }

        ShippedAt = now;
        TrackingNumber = trackingNumber;
        return [new OrderShipped(id, trackingNumber)];
    }

    public IReadOnlyList<object> Sign(string id, DateTimeOffset now)
    {
        EnsureNotReturned(id, "be signed for");
        if (SignedAt is not null)
        {
            return [];
        }

        if (ShippedAt is null)
        {
            throw new RuleViolationException("Order not shipped", $"Order '{id}' has not been shipped, so it cannot be signed for. Mark it shipped first.");
        }

        SignedAt = now;
        List<object> events = [new OrderSigned(id)];
        CompleteIfDone(id, now, events);
        return events;
    }

    public IReadOnlyList<object> Return(string id, string reason, DateTimeOffset now)
    {
        if (ReturnedAt is not null)
        {
            return [];
        }

        if (ShippedAt is null)
        {
            throw new RuleViolationException("Order not shipped", $"Order '{id}' has not been shipped, so it cannot be returned.");
        }

        var wasCompleted = CompletedAt is not null;
        ReturnedAt = now;
        ReturnReason = reason;
        return [new OrderReturned(id, PromoterId, reason, wasCompleted, Paid)];
    }

    private void CompleteIfDone(string id, DateTimeOffset now, List<object> events)
    {
        if (CompletedAt is null && SignedAt is not null && PaidAt is not null)
        {
            CompletedAt = now;
            events.Add(new OrderCompleted(id, PromoterId, UplineId, SecondUplineId, RegionId, GroupId, Total));
        }
    }

    private void EnsureNotReturned(string id, string action)
    {
        if (ReturnedAt is not null)
        {
            throw new ConflictException("Order is returned", $"Order '{id}' was returned and cannot {action}.");
        }
    }
}
