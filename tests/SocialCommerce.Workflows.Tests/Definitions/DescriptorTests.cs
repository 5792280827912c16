using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace SocialCommerce.Workflows.Tests.Definitions;

public sealed class DescriptorTests
{
    private readonly ActivityRegistry _registry = new WorkflowEngine().Services.GetRequiredService<ActivityRegistry>();

    [Fact]
    public void BuiltInLibrary_HasEveryActivityOfTheIssue()
    {
        string[] expected = ["Start", "End", "If", "Switch", "Fork", "Join", "ForEach", "SetVariable", "Delay", "Timer", "CronTrigger",
            "EventTrigger", "WaitForEvent", "WebhookTrigger", "WaitForWebhook", "HttpResponse", "Log", "SendWebhook"];

        Assert.Empty(expected.Except(_registry.Descriptors.Select(d => d.Type)));
    }

    [Fact]
    public void Descriptor_ComesFromTheClass()
    {
        var descriptor = _registry.Find("WaitForEvent")!;

        Assert.Equal(("Events", ActivityKind.Wait), (descriptor.Category, descriptor.Kind));
        Assert.Equal(["Done", "Timeout"], descriptor.Outcomes);
        var timeout = descriptor.FindInput("timeout")!;
        Assert.Equal(("duration", UiHints.Duration, false), (timeout.Type, timeout.UiHint, timeout.Required));
        Assert.True(descriptor.FindInput("eventName")!.Required);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Help));
    }

    [Fact]
    public void AddActivity_AddsACustomActivityToThePalette()
    {
        var registry = new WorkflowEngine(s => Hosting.WorkflowServiceCollectionExtensions.AddActivity<Support.AwardPoints>(s))
            .Services.GetRequiredService<ActivityRegistry>();

        var descriptor = registry.Find("AwardPoints")!;
        Assert.Equal(("Rewards", "int"), (descriptor.Category, descriptor.FindInput("points")!.Type));
    }
}
