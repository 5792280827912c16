using System.Text.Json;
using SocialCommerce.Workflows.Webhooks;

namespace SocialCommerce.Host.Webhooks;

/// <summary>The delivery statuses by the names the API shows (the enum's JSON names), for the <c>?status=</c> filter.</summary>
internal static class WebhookStatusNames
{
    private static readonly Dictionary<string, WebhookDeliveryStatus> ByName = Enum.GetValues<WebhookDeliveryStatus>()
        .ToDictionary(status => JsonSerializer.Serialize(status).Trim('"'), StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> All => ByName.Keys;

    public static bool TryParse(string name, out WebhookDeliveryStatus status) => ByName.TryGetValue(name, out status);
}
