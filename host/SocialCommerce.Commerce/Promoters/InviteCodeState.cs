namespace SocialCommerce.Commerce.Promoters;

public sealed class InviteCodeState
{
    public string PromoterId { get; set; } = "";
}
