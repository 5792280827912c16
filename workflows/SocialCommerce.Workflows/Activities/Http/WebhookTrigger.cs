namespace SocialCommerce.Workflows.Activities.Http;

[Activity("HTTP", "Webhook trigger", "Starts the workflow when a signed request arrives at /hooks/{slug}; the request body is the workflow's input.",
    Kind = ActivityKind.Trigger)]
[Outcomes(Outcomes.Done)]
public sealed class WebhookTrigger : TriggerActivity
{
    [Input("The hook's URL name: lower-case letters, digits and dashes.", Required = true, LiteralOnly = true)]
    public Input<string> Slug { get; set; } = "";
}
