using System.Text.Json.Serialization;

namespace SocialCommerce.Commerce.Promoters;

/// <summary>How far a promoter has grown (DOMAIN.md): new member → promoter → supervisor shop-owner (主管店主).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PromoterLevel>))]
public enum PromoterLevel
{
    [JsonStringEnumMemberName("new-member")]
    NewMember = 1,

    [JsonStringEnumMemberName("promoter")]
    Promoter = 2,

    /// <summary>Can run a funnel line of their own.</summary>
    [JsonStringEnumMemberName("supervisor")]
    Supervisor = 3,
}
