using SocialCommerce.Bench;
using SocialCommerce.Bench.Cluster;
using SocialCommerce.Bench.Engine;
using SocialCommerce.Bench.Webhooks;
using SocialCommerce.Bench.Plugins;
using SocialCommerce.Bench.WorkflowApi;
using SocialCommerce.Bench.CommerceFlow;

// Figures, not pass/fail. Each area prints markdown rows for BENCHMARKS.md, each beside a baseline measured in
// the same run. PostgreSQL figures need SC_TEST_POSTGRES (scripts/with-postgres.sh sets it).
//   scripts/with-postgres.sh dotnet run -c Release --project tests/SocialCommerce.Bench -- cluster
var areas = new Dictionary<string, Func<BenchContext, Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["cluster"] = ClusterBench.RunAsync,
    ["engine"] = EngineBench.RunAsync,
    ["webhooks"] = WebhooksBench.RunAsync,
    ["plugins"] = PluginsBench.RunAsync,
    ["workflow-api"] = WorkflowApiBench.RunAsync,
    ["commerceflow"] = CommerceFlowBench.RunAsync,
};

var selected = args.Length == 0 ? areas.Keys.ToList() : args.Where(areas.ContainsKey).ToList();
if (selected.Count == 0)
{
    Console.Error.WriteLine($"Unknown area. Areas: {string.Join(", ", areas.Keys)}");
    return 2;
}
var context = BenchContext.FromEnvironment(args);
Console.WriteLine($"# {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
    $"PostgreSQL: {(context.PostgresConnectionString is null ? "not configured" : "yes")}");
foreach (var area in selected)
{
    await areas[area](context);
}
return 0;
