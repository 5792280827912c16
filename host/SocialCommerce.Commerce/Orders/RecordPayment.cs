namespace SocialCommerce.Commerce.Orders;

/// <summary>Money that arrived for an order through one channel; <see cref="Amount"/> in fen.</summary>
public sealed record RecordPayment(string? PaymentId, PaymentChannel? Channel, Money? Amount, string? Reference)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors()
            .Id("paymentId", PaymentId)
            .Defined("channel", Channel)
            .Text("reference", Reference, required: false);
        return Amount is { } amount ? errors.Positive("amount", amount) : errors.Add("amount", "amount is required (fen).");
    }
}
