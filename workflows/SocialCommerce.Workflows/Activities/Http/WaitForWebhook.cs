using System.Text.Json.Nodes;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Runtime;

namespace SocialCommerce.Workflows.Activities.Http;

[Activity("HTTP", "Wait for webhook",
    "Waits until a request to /hooks/{slug} carries this correlation value or the resume token (output resumeTokens.<activity id>).",
    Kind = ActivityKind.Wait)]
[Outcomes(Outcomes.Done)]
public sealed class WaitForWebhook : Activity
{
    [Input("The hook's URL name.", Required = true, LiteralOnly = true)]
    public Input<string> Slug { get; set; } = "";

    [Input("Only a request with this correlation value resumes (e.g. an order id).")]
    public Input<string?> Correlation { get; set; } = new((string?)null);

    [Input("The variable that receives the resume token, to hand to the external system.", UiHint = UiHints.Variable, LiteralOnly = true)]
    public Input<string?> TokenVariable { get; set; } = new((string?)null);

    [Input("The variable that receives the request body.", UiHint = UiHints.Variable, LiteralOnly = true)]
    public Input<string?> ResultVariable { get; set; } = new((string?)null);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var bookmark = context.CreateBookmark(WebhookBookmarks.NameFor(Slug.Literal), await Correlation.EvaluateAsync(context));
        var tokens = context.Execution.Output["resumeTokens"] as JsonObject ?? [];
        tokens[context.ActivityId] = bookmark.Token;
        context.SetOutput("resumeTokens", tokens);
        if (TokenVariable.Literal is { } variable)
        {
            context.SetVariable(variable, bookmark.Token);
        }
    }

    public override ValueTask ResumeAsync(ActivityContext context, BookmarkResumption resumption)
    {
        if (ResultVariable.Literal is { } variable)
        {
            context.SetVariable(variable, resumption.Payload?.DeepClone());
        }
        context.Complete(Outcomes.Done);
        return ValueTask.CompletedTask;
    }
}
