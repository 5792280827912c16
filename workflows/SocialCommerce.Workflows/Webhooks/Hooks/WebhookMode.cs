namespace SocialCommerce.Workflows.Webhooks;

/// <summary>What a delivery to a hook does: start a new instance, or resume instances waiting on the hook's bookmark.</summary>
public enum WebhookMode
{
    Start,
    Resume,
}
