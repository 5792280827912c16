using SocialCommerce.Cluster.Hosting;
using SocialCommerce.Commerce;
using SocialCommerce.Host.Commerce;
using SocialCommerce.Host.Demo;
using SocialCommerce.Host.Hosting;
using SocialCommerce.Host.Webhooks;
using SocialCommerce.Host.Plugins;
using SocialCommerce.Plugins.Hosting;
using SocialCommerce.Host.Workflows;
using SocialCommerce.Workflows.Hosting;

// Settings ship beside the binary; relative data and log paths follow the working directory (docs/configuration.md).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddHostDefaults(args);
builder.Services.AddCluster(builder.Configuration);
builder.Services.AddCommerce();
builder.Services.AddDemoData(builder.Configuration);
builder.Services.AddWebhooks(builder.Configuration);
builder.Services.AddWorkflows(builder.Configuration);
builder.Services.AddOpenApi(ApiDocument.Describe);
builder.Services.AddPlugins(builder.Configuration);

var app = builder.Build();
app.UseHostDefaults();
app.MapCommerceApi();
app.MapWebhooks();
app.MapWorkflowsApi();
app.MapOpenApi();
app.MapPluginsApi();
app.Run();

/// <summary>The host's entry point; public so that in-process HTTP tests can start it.</summary>
public partial class Program;
