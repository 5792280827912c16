using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Testing;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Services;

namespace SocialCommerce.Host.Tests.Plugins;

/// <summary>The host as composed in Program.cs: publishing a workflow that runs a plug-in pins it against deletion over HTTP.</summary>
public sealed class PluginPinnedByWorkflowTests
{
    private const string Source = """
        /* { "name": "flat-commission", "version": "1.0.0", "kind": "commission-formula",
             "description": "5% of the order.", "inputs": [] } */
        return (Order?.AmountFen ?? 0) * 5 / 100;
        """;

    [Fact]
    public Task PublishedCommissionWorkflow_PinsItsFormula_DeleteIs409UntilRetracted_Sqlite() => PinnedUntilRetracted(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task PublishedCommissionWorkflow_PinsItsFormula_DeleteIs409UntilRetracted_Postgres() => PinnedUntilRetracted(DatabaseProvider.Postgres);

    private static async Task PinnedUntilRetracted(DatabaseProvider provider)
    {
        await using var host = await HostFactory.CreateAsync(provider);
        using var client = host.CreateClient();
        (await client.PostAsJsonAsync("/api/plugins", new { source = Source })).EnsureSuccessStatusCode();
        var definitions = host.Services.GetRequiredService<WorkflowDefinitionService>();
        await definitions.SaveDraftAsync(CommissionFlow());
        await definitions.PublishAsync("settle");

        var refused = await client.DeleteAsync("/api/plugins/flat-commission/1.0.0");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["workflow:settle@1"], problem.GetProperty("pinnedBy").EnumerateArray().Select(e => e.GetString()));
        await definitions.RetractAsync("settle");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/plugins/flat-commission/1.0.0")).StatusCode);
    }

    private static WorkflowDefinition CommissionFlow() => new()
    {
        Id = "settle",
        Name = "Settle commissions",
        Inputs = [new WorkflowInputDefinition("orderId", VariableType.String)],
        Root = new Flowchart
        {
            Activities =
            [
                new ActivityNode { Id = "completed", Type = "EventTrigger", Inputs = new Dictionary<string, InputValue> { ["eventName"] = InputValue.Of("OrderCompleted") } },
                new ActivityNode
                {
                    Id = "commission", Type = "CalculateCommission", Inputs = new Dictionary<string, InputValue>
                    {
                        ["plugin"] = InputValue.Of("flat-commission"),
                        ["pluginVersion"] = InputValue.Of("1.0.0"),
                        ["orderId"] = InputValue.FromVariable("orderId"),
                    },
                },
            ],
            Connections = [new Connection("completed", "Done", "commission")],
        },
    };
}
