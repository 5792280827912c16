using System.Text.Json.Serialization;

namespace SocialCommerce.Commerce.Orders;

/// <summary>Where money for an order arrives (DOMAIN.md, reconciliation); one order often uses several.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentChannel>))]
public enum PaymentChannel
{
    /// <summary>WeChat transfer to a sales phone — one finance cannot see, so it is reconciled by hand.</summary>
    [JsonStringEnumMemberName("wechat-transfer")]
    WechatTransfer = 1,

    [JsonStringEnumMemberName("red-packet")]
    RedPacket = 2,

    /// <summary>Cash on delivery collected by the courier (代收货款).</summary>
    [JsonStringEnumMemberName("cod")]
    Cod = 3,

    [JsonStringEnumMemberName("bank-transfer")]
    BankTransfer = 4,

    [JsonStringEnumMemberName("mini-program")]
    MiniProgram = 5,

    [JsonStringEnumMemberName("alipay")]
    Alipay = 6,
}
