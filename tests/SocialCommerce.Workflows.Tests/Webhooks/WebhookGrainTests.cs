using SocialCommerce.Testing;
using SocialCommerce.Workflows.Webhooks;

namespace SocialCommerce.Workflows.Tests.Webhooks;

public sealed class WebhookGrainTests
{
    [Fact]
    public async Task Create_IssuesOneWhsecSecret_AndGetNeverShowsIt()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await WebhookNode.StartAsync(database, new RecordingWorkflowRuntime());

        var issued = await node.Grains.Get<IWebhookGrain>("shop-paid").CreateAsync(new NewWebhook("onboarding", WebhookMode.Start));
        var view = await node.Grains.Get<IWebhookGrain>("shop-paid").GetAsync();

        Assert.StartsWith("whsec_", issued.Secret);
        Assert.Equal(1, view!.ValidSecrets);
        Assert.DoesNotContain(issued.Secret, view.ToString());
    }

    [Fact]
    public async Task CreateTwice_IsAConflict()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await WebhookNode.StartAsync(database, new RecordingWorkflowRuntime());
        var hook = node.Grains.Get<IWebhookGrain>("shop-paid");
        await hook.CreateAsync(new NewWebhook("onboarding", WebhookMode.Start));

        await Assert.ThrowsAsync<WebhookConflictException>(() => hook.CreateAsync(new NewWebhook("other", WebhookMode.Start)));
    }

    [Fact]
    public async Task RotatedSecret_OldStaysValidForTheGracePeriod_ThenExpires()
    {
        var clock = new FakeTimeProvider();
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await WebhookNode.StartAsync(database, new RecordingWorkflowRuntime(), clock);
        var hook = node.Grains.Get<IWebhookGrain>("shop-paid");
        var first = await hook.CreateAsync(new NewWebhook("onboarding", WebhookMode.Start));

        var second = await hook.RotateSecretAsync(TimeSpan.FromHours(24));
        clock.Advance(TimeSpan.FromHours(23));
        var duringGrace = (await hook.GetGateAsync())!.Secrets;
        clock.Advance(TimeSpan.FromHours(2));
        var afterGrace = (await hook.GetGateAsync())!.Secrets;

        Assert.Equal([second.Secret, first.Secret], duringGrace);
        Assert.Equal([second.Secret], afterGrace);
        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromHours(1), second.PreviousSecretValidUntil);
    }

    [Fact]
    public async Task DeletedHook_IsUnknown_AndItsSlugCanBeCreatedAgain()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var node = await WebhookNode.StartAsync(database, new RecordingWorkflowRuntime());
        var hook = node.Grains.Get<IWebhookGrain>("shop-paid");
        await hook.CreateAsync(new NewWebhook("onboarding", WebhookMode.Start));

        await hook.DeleteAsync();
        Assert.Null(await hook.GetGateAsync());
        var again = await hook.CreateAsync(new NewWebhook("returns", WebhookMode.Resume));

        Assert.Equal("returns", again.Hook.DefinitionId);
        Assert.Equal(WebhookMode.Resume, again.Hook.Mode);
    }
}
