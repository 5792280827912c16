namespace SocialCommerce.Workflows.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Answered 4xx; nothing but this log entry was stored.</summary>
    Refused,
    /// <summary>Stored; the engine call failed and is retried with backoff (see the error).</summary>
    Retrying,
    Started,
    Resumed,
    /// <summary>A resume hook delivery that found no instance waiting on its bookmark.</summary>
    NoMatch,
    /// <summary>The engine refused it for good (e.g. the definition has no published version); replay after fixing.</summary>
    Failed,
}
