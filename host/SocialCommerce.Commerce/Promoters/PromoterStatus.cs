using System.Text.Json.Serialization;

namespace SocialCommerce.Commerce.Promoters;

[JsonConverter(typeof(JsonStringEnumConverter<PromoterStatus>))]
public enum PromoterStatus
{
    [JsonStringEnumMemberName("active")]
    Active = 1,

    /// <summary>May not invite, own new groups or be attributed new orders until reactivated.</summary>
    [JsonStringEnumMemberName("suspended")]
    Suspended = 2,
}
