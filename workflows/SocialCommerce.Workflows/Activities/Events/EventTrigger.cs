namespace SocialCommerce.Workflows.Activities.Events;

[Activity("Events", "Event trigger", "Starts the workflow when a domain event with this name is published; the event is the workflow's input.",
    Kind = ActivityKind.Trigger)]
[Outcomes(Outcomes.Done)]
public sealed class EventTrigger : TriggerActivity
{
    [Input("The event name, e.g. order.paid.", Required = true, LiteralOnly = true)]
    public Input<string> EventName { get; set; } = "";
}
