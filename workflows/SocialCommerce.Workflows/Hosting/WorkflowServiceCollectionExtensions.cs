using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialCommerce.Workflows.Activities;
using SocialCommerce.Workflows.Activities.ControlFlow;
using SocialCommerce.Workflows.Activities.Events;
using SocialCommerce.Workflows.Activities.Http;
using SocialCommerce.Workflows.Activities.Primitives;
using SocialCommerce.Workflows.Activities.Scripting;
using SocialCommerce.Workflows.Activities.Timers;
using SocialCommerce.Workflows.Events;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Indexes;
using SocialCommerce.Workflows.Instances;
using SocialCommerce.Workflows.Runtime;
using SocialCommerce.Workflows.Services;
using SocialCommerce.Workflows.Triggers;
using SocialCommerce.Workflows.Expressions;
using SocialCommerce.Workflows.Outbound;
using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Plugins.Expressions;
using SocialCommerce.Workflows.Validation;

namespace SocialCommerce.Workflows.Hosting;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// The workflow engine with its built-in activities. Commerce (or any module) adds its own with
    /// <see cref="AddActivity{TActivity}"/> and <see cref="AddWorkflowEvent{TEvent}"/>, before or after this call.
    /// </summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection(WorkflowOptions.SectionName));
        services.AddHttpClient<OutboundWebhookSender>();
        services.AddEventSubscriber<OutboundWebhookSender>();
        // AddPlugins registers the compiler with its configured limits; without it, the default limits apply.
        services.TryAddSingleton<IExpressionCompiler>(sp => new RoslynExpressionCompiler(sp.GetService<ExpressionCompiler>() ?? new ExpressionCompiler()));
        services.TryAddSingleton<ActivityRegistry>();
        services.TryAddSingleton<WorkflowEventRegistry>();
        services.TryAddSingleton<DefinitionValidator>();
        services.TryAddSingleton<WorkflowPlanBuilder>();
        services.TryAddSingleton<WorkflowExecutor>();
        services.TryAddSingleton<WorkflowPlanCache>();
        services.TryAddSingleton<WorkflowIndex>();
        services.TryAddSingleton<IWorkflowRuntime, WorkflowRuntime>();
        services.TryAddSingleton<WorkflowEventPublisher>();
        services.TryAddSingleton<WorkflowDefinitionService>();
        services.TryAddSingleton<WorkflowInstanceService>();
        services.AddMigrations<WorkflowMigrations>();
        services.AddGrain<IWorkflowDefinitionGrain, WorkflowDefinitionGrain>();
        services.AddGrain<IWorkflowVersionGrain, WorkflowVersionGrain>();
        services.AddGrain<IWorkflowInstanceGrain, WorkflowInstanceGrain>();
        services.AddEventSubscriber<WorkflowIndexSubscriber>();
        services.AddEventSubscriber<WorkflowEventRouter>();
        services.AddGrain<IWorkflowScheduleGrain, WorkflowScheduleGrain>();
        services.AddEventSubscriber<WorkflowScheduleSubscriber>();
        services.AddActivity<Start>().AddActivity<End>().AddActivity<If>().AddActivity<Switch>().AddActivity<Fork>().AddActivity<Join>()
            .AddActivity<ForEach>().AddActivity<SetVariable>().AddActivity<Log>().AddActivity<Delay>().AddActivity<Activities.Timers.Timer>()
            .AddActivity<CronTrigger>().AddActivity<EventTrigger>().AddActivity<WaitForEvent>().AddActivity<WebhookTrigger>()
            .AddActivity<WaitForWebhook>().AddActivity<HttpResponse>().AddActivity<SendWebhook>();
        services.AddActivity<RunScript>().AddPublishHook<PluginPins>();
        return services;
    }

    /// <summary>Adds an activity type to the palette; its descriptor is read from the class once.</summary>
    public static IServiceCollection AddActivity<TActivity>(this IServiceCollection services) where TActivity : Activity
    {
        services.AddSingleton(new ActivityRegistration(typeof(TActivity)));
        return services;
    }

    /// <summary>Adds a check that publishing runs, holding what a published version uses until it is retracted.</summary>
    public static IServiceCollection AddPublishHook<THook>(this IServiceCollection services) where THook : class, IPublishHook
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPublishHook, THook>());
        return services;
    }

    /// <summary>
    /// Makes a domain event type (named by its <c>[EventName]</c>) able to start workflows through an EventTrigger and to
    /// resume WaitForEvent activities, correlated by the value <paramref name="correlation"/> picks from the event.
    /// </summary>
    public static IServiceCollection AddWorkflowEvent<TEvent>(this IServiceCollection services, Func<TEvent, string?> correlation) where TEvent : class
    {
        services.AddSingleton(WorkflowEventRegistration.For(correlation));
        return services;
    }
}
