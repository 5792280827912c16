using System.Text.Json.Nodes;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Outbound;

namespace SocialCommerce.Workflows.Activities.Http;

[Activity("HTTP", "Send webhook",
    "Posts a signed JSON message (Standard Webhooks headers) to a URL after the step commits; retried with backoff until the receiver answers 2xx.")]
[Outcomes(Outcomes.Done)]
public sealed class SendWebhook : Activity
{
    [Input("The receiver's URL (http or https).", Required = true)]
    public Input<string> Url { get; set; } = "";

    [Input("The message type, sent as the body's type field.")]
    public Input<string> EventType { get; set; } = "workflow.notification";

    [Input("The message data, sent as the body's data field.", UiHint = UiHints.Json)]
    public Input<JsonNode?> Payload { get; set; } = new((JsonNode?)null);

    [Input("The name of the signing secret in the host's Workflows:WebhookSecrets; empty to send unsigned.", LiteralOnly = true)]
    public Input<string?> SecretName { get; set; } = new((string?)null);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var url = await Url.EvaluateAsync(context);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"SendWebhook '{context.ActivityId}': '{url}' is not an absolute http(s) URL.");
        }
        var type = await EventType.EvaluateAsync(context);
        var body = new JsonObject
        {
            ["type"] = type,
            ["timestamp"] = context.Time.GetUtcNow().ToString("O"),
            ["data"] = (await Payload.EvaluateAsync(context))?.DeepClone(),
        };
        context.Emit(new OutboundWebhookQueued($"msg_{Guid.NewGuid():N}", uri.ToString(), type, body.ToJsonString(), SecretName.Literal,
            context.InstanceId, context.ActivityId));
        context.Complete(Outcomes.Done);
    }
}
