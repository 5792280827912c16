namespace SocialCommerce.Workflows.Webhooks;

/// <summary>A webhook request refused by a rule; <see cref="Exception.Message"/> says what to do instead.</summary>
public abstract class WebhookException(string title, string message) : Exception(message)
{
    public string Title { get; } = title;
}

public sealed class WebhookNotFoundException(string what, string id)
    : WebhookException($"{what} not found", $"{what} '{id}' does not exist; check the slug or id, or list them under /api/webhooks.");

public sealed class WebhookConflictException(string title, string message) : WebhookException(title, message);
