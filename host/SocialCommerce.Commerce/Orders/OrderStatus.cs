using System.Text.Json.Serialization;

namespace SocialCommerce.Commerce.Orders;

/// <summary>Where the parcel is; payment is tracked beside it (<see cref="PaymentStatus"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    [JsonStringEnumMemberName("placed")]
    Placed = 1,

    [JsonStringEnumMemberName("shipped")]
    Shipped = 2,

    [JsonStringEnumMemberName("signed")]
    Signed = 3,

    /// <summary>Fully paid and signed for (DOMAIN.md): commission may be earned.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed = 4,

    [JsonStringEnumMemberName("returned")]
    Returned = 5,
}

[JsonConverter(typeof(JsonStringEnumConverter<PaymentStatus>))]
public enum PaymentStatus
{
    [JsonStringEnumMemberName("unpaid")]
    Unpaid = 1,

    [JsonStringEnumMemberName("partially-paid")]
    PartiallyPaid = 2,

    [JsonStringEnumMemberName("paid")]
    Paid = 3,
}
