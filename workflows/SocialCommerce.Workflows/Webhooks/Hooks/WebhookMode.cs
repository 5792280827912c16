using System.Text.Json.Serialization;

namespace SocialCommerce.Workflows.Webhooks;

/// <summary>What a delivery to a hook does: start a new instance, or resume instances waiting on the hook's bookmark.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookMode>))]
public enum WebhookMode
{
    [JsonStringEnumMemberName("start")]
    Start,
    [JsonStringEnumMemberName("resume")]
    Resume,
}
