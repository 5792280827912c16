using System.Text.Json.Serialization;

namespace SocialCommerce.Workflows.Webhooks;

[JsonConverter(typeof(JsonStringEnumConverter<WebhookDeliveryStatus>))]
public enum WebhookDeliveryStatus
{
    /// <summary>Answered 4xx; nothing but this log entry was stored.</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,
    /// <summary>Stored; the engine call failed and is retried with backoff (see the error).</summary>
    [JsonStringEnumMemberName("retrying")]
    Retrying,
    [JsonStringEnumMemberName("started")]
    Started,
    [JsonStringEnumMemberName("resumed")]
    Resumed,
    /// <summary>A resume hook delivery that found no instance waiting on its bookmark.</summary>
    [JsonStringEnumMemberName("no-match")]
    NoMatch,
    /// <summary>The engine refused it for good (e.g. the definition has no published version); replay after fixing.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
