using System.Text.Json.Nodes;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities.Http;

[Activity("HTTP", "HTTP response", "Sets the response a webhook caller gets back (stored as the instance's output httpResponse).")]
[Outcomes(Outcomes.Done)]
public sealed class HttpResponse : Activity
{
    public const string OutputName = "httpResponse";

    [Input("The status code, e.g. 200.", UiHint = UiHints.Number)]
    public Input<long> StatusCode { get; set; } = 200L;

    [Input("The response body (JSON).", UiHint = UiHints.Json)]
    public Input<JsonNode?> Body { get; set; } = new((JsonNode?)null);

    [Input("The content type.", LiteralOnly = true)]
    public Input<string> ContentType { get; set; } = "application/json";

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var status = await StatusCode.EvaluateAsync(context);
        if (status is < 100 or > 599)
        {
            throw new InvalidOperationException($"HttpResponse '{context.ActivityId}': status code {status} is not between 100 and 599.");
        }
        context.SetOutput(OutputName, new JsonObject
        {
            ["statusCode"] = status,
            ["contentType"] = ContentType.Literal,
            ["body"] = (await Body.EvaluateAsync(context))?.DeepClone(),
        });
        context.Complete(Outcomes.Done);
    }
}
