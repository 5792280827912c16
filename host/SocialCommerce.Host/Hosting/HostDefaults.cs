using SocialCommerce.Host.Errors;

namespace SocialCommerce.Host.Hosting;

/// <summary>What every request and log line of the host shares: configuration switches, Serilog, problem+json, body limits.</summary>
public static class HostDefaults
{
    /// <summary>Short command-line switches for the settings people change most when starting the host.</summary>
    public static readonly IReadOnlyDictionary<string, string> SwitchMappings = new Dictionary<string, string>
    {
        ["--storage"] = "Storage:Provider",
        ["--connection"] = "Storage:ConnectionString",
    };

    public static WebApplicationBuilder AddHostDefaults(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args, SwitchMappings.ToDictionary());
        builder.AddSerilogLogging();
        builder.Services.AddApiProblemDetails(builder.Configuration);
        return builder;
    }

    public static WebApplication UseHostDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ApiBodyLimit.PathPrefix),
            api => api.UseMiddleware<ApiBodyLimit>());
        return app;
    }
}
