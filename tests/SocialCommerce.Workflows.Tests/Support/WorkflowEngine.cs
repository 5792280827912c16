using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Testing;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Hosting;
using SocialCommerce.Workflows.Validation;

namespace SocialCommerce.Workflows.Tests.Support;

/// <summary>The in-memory engine as the host wires it (AddWorkflows), on a fake clock.</summary>
public sealed class WorkflowEngine
{
    public WorkflowEngine(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddWorkflows(new ConfigurationBuilder().Build());
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new();

    public IServiceProvider Services { get; }

    public WorkflowExecutor Executor => Services.GetRequiredService<WorkflowExecutor>();

    public IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition) =>
        Services.GetRequiredService<DefinitionValidator>().Validate(definition).Errors;

    public WorkflowPlan Plan(WorkflowDefinition definition) => Services.GetRequiredService<WorkflowPlanBuilder>().Build(definition);

    public async Task<WorkflowExecution> StartAsync(WorkflowDefinition definition, JsonObject? input = null)
    {
        var execution = new WorkflowExecution(Plan(definition), "instance-1", input);
        await Executor.StartAsync(execution);
        return execution;
    }
}
