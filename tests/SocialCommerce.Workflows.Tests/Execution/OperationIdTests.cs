using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SocialCommerce.Workflows.Definitions;
using SocialCommerce.Workflows.Execution;
using SocialCommerce.Workflows.Hosting;
using SocialCommerce.Workflows.Tests.Support;
using static SocialCommerce.Workflows.Tests.Support.Flow;

namespace SocialCommerce.Workflows.Tests.Execution;

public sealed class OperationIdTests
{
    [Fact]
    public async Task IncidentRetry_KeepsTheFaultedRunsOperationId_AndTheNextLoopPassGetsANewOne()
    {
        var calls = new OperationRecorder.Calls();
        var outage = new FlakyStep.Outage();
        var engine = new WorkflowEngine(services => services.AddSingleton(calls).AddSingleton(outage).AddActivity<OperationRecorder>());
        var definition = Define(
            [
                Node("start", "Start"),
                Node("each", "ForEach", Literal("items", new JsonArray("a", "b"))),
                Node("record", "OperationRecorder"),
                Node("end", "End"),
            ],
            [Done("start", "each"), new Connection("each", "Iterate", "record"), Done("record", "each"), Done("each", "end")]);

        var execution = await engine.StartAsync(definition);
        Assert.Equal(WorkflowStatus.Faulted, execution.Status);
        outage.Down = false;
        await engine.Executor.RetryAsync(execution);

        Assert.Equal(WorkflowStatus.Finished, execution.Status);
        Assert.Equal(["instance-1/record/0", "instance-1/record/0", "instance-1/record/1"], calls.Seen);
    }
}
