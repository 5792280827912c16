using Microsoft.Extensions.Logging;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Workflows.Activities.Primitives;

[Activity("Primitives", "Log", "Writes a line to the host's log, tagged with the instance and activity.")]
[Outcomes(Outcomes.Done)]
public sealed class Log : Activity
{
    [Input("What to write.", UiHint = UiHints.Multiline, Required = true)]
    public Input<string> Message { get; set; } = "";

    [Input("trace, debug, information, warning or error.", UiHint = UiHints.Select, LiteralOnly = true)]
    public Input<LogLevel> Level { get; set; } = LogLevel.Information;

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var level = Level.Literal;
        if (context.Logger.IsEnabled(level))
        {
            var message = await Message.EvaluateAsync(context);
            context.Logger.Log(level, "Workflow {InstanceId} activity {ActivityId}: {WorkflowMessage}", context.InstanceId, context.ActivityId, message);
        }
        context.Complete(Outcomes.Done);
    }
}
