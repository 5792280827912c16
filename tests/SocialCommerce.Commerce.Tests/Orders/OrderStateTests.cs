using SocialCommerce.Commerce.Orders;

namespace SocialCommerce.Commerce.Tests.Orders;

/// <summary>The order rules as plain code: no runtime, no database.</summary>
public sealed class OrderStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 20, 0, 0, TimeSpan.Zero);

    private static OrderState PlacedOrder()
    {
        var order = new OrderState();
        order.Place("o1", new NewOrder("p1", "up1", "up2", "north-east", "g1",
            [new OrderItem("tea", "Tea", 1, Money.FromFen(19_900)), new OrderItem("cup", "Cup", 2, Money.FromFen(5_000))]), Now);
        return order;
    }

    [Fact]
    public void Order_Total_IsSumOfLinesInFen()
    {
        Assert.Equal(Money.FromFen(29_900), PlacedOrder().Total);
    }

    [Fact]
    public void Order_PartialPaymentsBySeveralChannels_AddUp()
    {
        var order = PlacedOrder();
        order.RecordPayment("o1", "deposit", PaymentChannel.WechatTransfer, Money.FromFen(5_000), null, Now);
        order.RecordPayment("o1", "rest", PaymentChannel.Cod, Money.FromFen(20_000), null, Now);

        Assert.Equal(Money.FromFen(25_000), order.Paid);
        Assert.Equal(Money.FromFen(4_900), order.Outstanding);
        Assert.Equal(PaymentStatus.PartiallyPaid, order.PaymentStatus);
    }

    [Fact]
    public void Order_Overpayment_IsRejectedAndChangesNothing()
    {
        var order = PlacedOrder();
        order.RecordPayment("o1", "deposit", PaymentChannel.Alipay, Money.FromFen(20_000), null, Now);

        var error = Assert.Throws<RuleViolationException>(() =>
            order.RecordPayment("o1", "too-much", PaymentChannel.Cod, Money.FromFen(10_000), null, Now));

        Assert.Contains("¥99.00", error.Message);
        Assert.Single(order.Payments);
    }

    [Fact]
    public void Order_SamePaymentIdTwice_RecordsOnce()
    {
        var order = PlacedOrder();
        order.RecordPayment("o1", "wx-1", PaymentChannel.WechatTransfer, Money.FromFen(5_000), null, Now);

        var events = order.RecordPayment("o1", "wx-1", PaymentChannel.WechatTransfer, Money.FromFen(5_000), null, Now);

        Assert.Empty(events);
        Assert.Equal(Money.FromFen(5_000), order.Paid);
    }

    [Fact]
    public void Order_SamePaymentIdWithOtherAmount_IsRejected()
    {
        var order = PlacedOrder();
        order.RecordPayment("o1", "wx-1", PaymentChannel.WechatTransfer, Money.FromFen(5_000), null, Now);

        Assert.Throws<ConflictException>(() =>
            order.RecordPayment("o1", "wx-1", PaymentChannel.WechatTransfer, Money.FromFen(6_000), null, Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void Order_ZeroOrNegativePayment_IsRejected(long fen)
    {
        var order = PlacedOrder();

        var error = Assert.Throws<DomainValidationException>(() =>
            order.RecordPayment("o1", "bad", PaymentChannel.Cod, Money.FromFen(fen), null, Now));

        Assert.Contains("amount", error.Errors.Keys);
        Assert.Empty(order.Payments);
    }

    [Fact]
    public void Order_PaidInFullButNotSigned_IsNotComplete()
    {
        var order = PlacedOrder();

        var events = order.RecordPayment("o1", "all", PaymentChannel.MiniProgram, Money.FromFen(29_900), null, Now);

        Assert.Contains(events, e => e is OrderPaid);
        Assert.DoesNotContain(events, e => e is OrderCompleted);
        Assert.Equal(OrderStatus.Placed, order.Status);
    }

    [Fact]
    public void Order_SignedThenPaidInFull_Completes()
    {
        var order = PlacedOrder();
        order.Ship("o1", "SF1", Now);
        Assert.DoesNotContain(order.Sign("o1", Now), e => e is OrderCompleted);

        var events = order.RecordPayment("o1", "cod", PaymentChannel.Cod, Money.FromFen(29_900), null, Now);

        Assert.Equal(["PaymentRecorded", "OrderPaid", "OrderCompleted"], events.Select(e => e.GetType().Name));
        Assert.Equal(OrderStatus.Completed, order.Status);
    }

    [Fact]
    public void Order_PaidThenSigned_Completes()
    {
        var order = PlacedOrder();
        order.RecordPayment("o1", "all", PaymentChannel.BankTransfer, Money.FromFen(29_900), null, Now);
        order.Ship("o1", null, Now);

        var events = order.Sign("o1", Now);

        var completed = Assert.IsType<OrderCompleted>(events[^1]);
        Assert.Equal(("p1", "up1", "up2"), (completed.PromoterId, completed.UplineId, completed.SecondUplineId));
    }

    [Fact]
    public void Order_PaymentOnCompletedOrder_IsRejected()
    {
        var order = PlacedOrder();
        order.RecordPayment("o1", "all", PaymentChannel.BankTransfer, Money.FromFen(29_900), null, Now);
        order.Ship("o1", null, Now);
        order.Sign("o1", Now);

        Assert.Throws<ConflictException>(() => order.RecordPayment("o1", "more", PaymentChannel.Cod, Money.FromFen(1), null, Now));
    }

    [Fact]
    public void Order_SignedBeforeShipped_IsRejected()
    {
        var order = PlacedOrder();

        Assert.Throws<RuleViolationException>(() => order.Sign("o1", Now));
        Assert.Null(order.SignedAt);
    }

    [Fact]
    public void Order_ReturnedAfterCompletion_SaysItWasCompleted()
    {
        var order = PlacedOrder();
        order.RecordPayment("o1", "all", PaymentChannel.Alipay, Money.FromFen(29_900), null, Now);
        order.Ship("o1", null, Now);
        order.Sign("o1", Now);

        var returned = Assert.IsType<OrderReturned>(Assert.Single(order.Return("o1", "damaged", Now)));

        Assert.True(returned.WasCompleted);
        Assert.Equal(OrderStatus.Returned, order.Status);
    }

    [Fact]
    public void Order_PaymentOnReturnedOrder_IsRejected()
    {
        var order = PlacedOrder();
        order.Ship("o1", null, Now);
        order.Return("o1", "refused at the door", Now);

        Assert.Throws<ConflictException>(() => order.RecordPayment("o1", "late", PaymentChannel.Cod, Money.FromFen(100), null, Now));
    }
}
