using SocialCommerce.Cluster.Storage;
using SocialCommerce.Plugins.Expressions;
using SocialCommerce.Plugins.Manifests;
using SocialCommerce.Plugins.Registry;
using SocialCommerce.Testing;

namespace SocialCommerce.Plugins.Tests.Registry;

public sealed class RegistryTests
{
    internal static PluginManifest Formula(string version = "1.0.0") =>
        new("flat-commission", version, PluginKind.CommissionFormula, [new("rateBp", "integer")], [], "A flat rate.");

    internal const string FormulaCode = "return (Order?.AmountFen ?? 0) * rateBp / 10_000;";

    [Fact]
    public Task PinnedVersion_CannotBeDeleted_UntilUnpinned_Sqlite() => PinnedVersion_CannotBeDeleted_UntilUnpinned(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task PinnedVersion_CannotBeDeleted_UntilUnpinned_Postgres() => PinnedVersion_CannotBeDeleted_UntilUnpinned(DatabaseProvider.Postgres);

    [Fact]
    public Task UploadedVersion_IsImmutable_SameContentIsIdempotent_Sqlite() => UploadedVersion_IsImmutable(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task UploadedVersion_IsImmutable_SameContentIsIdempotent_Postgres() => UploadedVersion_IsImmutable(DatabaseProvider.Postgres);

    [Fact]
    public Task FileVersion_FollowsItsFile_UnlessPinned_Sqlite() => FileVersion_FollowsItsFile_UnlessPinned(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task FileVersion_FollowsItsFile_UnlessPinned_Postgres() => FileVersion_FollowsItsFile_UnlessPinned(DatabaseProvider.Postgres);

    [Fact]
    public Task ConcurrentPinAndDelete_NeverLeaveAPinWithoutItsVersion_Sqlite() => ConcurrentPinAndDelete(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ConcurrentPinAndDelete_NeverLeaveAPinWithoutItsVersion_Postgres() => ConcurrentPinAndDelete(DatabaseProvider.Postgres);

    [Fact]
    public async Task VersionThatDoesNotCompile_IsNotStored()
    {
        await using var host = await PluginTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<ScriptCompilationException>(
            () => host.Registry.SaveAsync(Formula(), "return Order.Amount;", PluginOrigin.Api));

        Assert.Contains(error.Diagnostics, d => d.Line == 1 && d.Message.Contains("Amount"));
        Assert.Empty(await host.Registry.ListAsync());
    }

    [Fact]
    public async Task InvalidManifest_IsRefusedWithEveryProblem()
    {
        await using var host = await PluginTestHost.StartAsync();
        var manifest = new PluginManifest("Bad Name", "one", PluginKind.Activity, [new("class", "integer"), new("x", "float")], []);

        var error = await Assert.ThrowsAsync<ScriptCompilationException>(() => host.Registry.SaveAsync(manifest, "", PluginOrigin.Api));

        Assert.Equal(4, error.Diagnostics.Count);
        Assert.All(error.Diagnostics, d => Assert.StartsWith("manifest:", d.Message));
    }

    [Fact]
    public async Task StoredVersion_IsCompiledOnce_ForEveryRun()
    {
        await using var host = await PluginTestHost.StartAsync();
        await host.Registry.SaveAsync(Formula(), FormulaCode, PluginOrigin.Api);

        var first = await host.Runner.GetCompiledAsync("flat-commission", "1.0.0");
        var second = await host.Runner.GetCompiledAsync("flat-commission", "1.0.0");

        Assert.Same(first, second);
        Assert.Equal(1, host.Compiler.CachedCount);
    }

    [Fact]
    public async Task List_GivesNewestVersionFirst_WithPins()
    {
        await using var host = await PluginTestHost.StartAsync();
        foreach (var version in new[] { "1.2.0", "1.10.0", "1.9.1" })
        {
            await host.Registry.SaveAsync(Formula(version), FormulaCode, PluginOrigin.Api);
        }
        await host.Registry.PinAsync("flat-commission", "1.9.1", "workflow:settle@3");

        var versions = await host.Registry.ListAsync();

        Assert.Equal(["1.10.0", "1.9.1", "1.2.0"], versions.Select(v => v.Version));
        Assert.Equal(["workflow:settle@3"], versions[1].PinnedBy);
    }

    private static async Task PinnedVersion_CannotBeDeleted_UntilUnpinned(DatabaseProvider provider)
    {
        await using var host = await PluginTestHost.StartAsync(provider);
        await host.Registry.SaveAsync(Formula(), FormulaCode, PluginOrigin.Api);
        await host.Registry.PinAsync("flat-commission", "1.0.0", "workflow:settle@3");
        await host.Registry.PinAsync("flat-commission", "1.0.0", "workflow:settle@3");

        var refused = await Assert.ThrowsAsync<PluginVersionPinnedException>(() => host.Registry.DeleteAsync("flat-commission", "1.0.0"));
        Assert.Equal(["workflow:settle@3"], refused.PinnedBy);
        Assert.NotNull(await host.Registry.GetAsync("flat-commission", "1.0.0"));

        await host.Registry.UnpinAsync("flat-commission", "1.0.0", "workflow:settle@3");
        await host.Registry.DeleteAsync("flat-commission", "1.0.0");

        Assert.Null(await host.Registry.GetAsync("flat-commission", "1.0.0"));
        await Assert.ThrowsAsync<PluginNotFoundException>(() => host.Registry.DeleteAsync("flat-commission", "1.0.0"));
        await Assert.ThrowsAsync<PluginNotFoundException>(() => host.Registry.PinAsync("flat-commission", "1.0.0", "workflow:settle@4"));
    }

    private static async Task UploadedVersion_IsImmutable(DatabaseProvider provider)
    {
        await using var host = await PluginTestHost.StartAsync(provider);
        var (first, created) = await host.Registry.SaveAsync(Formula(), FormulaCode, PluginOrigin.Api);

        var (again, unchanged) = await host.Registry.SaveAsync(Formula(), FormulaCode, PluginOrigin.Api);
        await Assert.ThrowsAsync<PluginVersionConflictException>(
            () => host.Registry.SaveAsync(Formula(), FormulaCode.Replace("10_000", "100"), PluginOrigin.Api));

        Assert.Equal((PluginSaveOutcome.Created, PluginSaveOutcome.Unchanged), (created, unchanged));
        Assert.Equal(first.ContentHash, again.ContentHash);
        Assert.Equal(FormulaCode, (await host.Registry.GetAsync("flat-commission", "1.0.0"))!.Code);
    }

    private static async Task FileVersion_FollowsItsFile_UnlessPinned(DatabaseProvider provider)
    {
        await using var host = await PluginTestHost.StartAsync(provider);
        await host.Registry.SaveAsync(Formula(), FormulaCode, PluginOrigin.File);
        var edited = FormulaCode.Replace("10_000", "1_000");

        var (_, outcome) = await host.Registry.SaveAsync(Formula(), edited, PluginOrigin.File);
        await host.Registry.PinAsync("flat-commission", "1.0.0", "workflow:settle@1");
        await Assert.ThrowsAsync<PluginVersionPinnedException>(() => host.Registry.SaveAsync(Formula(), FormulaCode, PluginOrigin.File));

        Assert.Equal(PluginSaveOutcome.Replaced, outcome);
        Assert.Equal(edited, (await host.Registry.GetAsync("flat-commission", "1.0.0"))!.Code);
    }

    private static async Task ConcurrentPinAndDelete(DatabaseProvider provider)
    {
        await using var host = await PluginTestHost.StartAsync(provider);
        for (var round = 0; round < 10; round++)
        {
            await host.Registry.SaveAsync(Formula(), FormulaCode, PluginOrigin.Api);
            var pin = Capture(() => host.Registry.PinAsync("flat-commission", "1.0.0", $"workflow:w@{round}"));
            var delete = Capture(() => host.Registry.DeleteAsync("flat-commission", "1.0.0"));
            var (pinError, deleteError) = (await pin, await delete);

            var stored = await host.Registry.GetAsync("flat-commission", "1.0.0");
            // Either the pin won (version kept, delete refused) or the delete won (no version, pin refused).
            if (stored is null)
            {
                Assert.IsType<PluginNotFoundException>(pinError);
                Assert.Null(deleteError);
            }
            else
            {
                Assert.Null(pinError);
                Assert.IsType<PluginVersionPinnedException>(deleteError);
                Assert.Equal([$"workflow:w@{round}"], stored.PinnedBy);
                await host.Registry.UnpinAsync("flat-commission", "1.0.0", $"workflow:w@{round}");
                await host.Registry.DeleteAsync("flat-commission", "1.0.0");
            }
        }
    }

    private static async Task<Exception?> Capture(Func<Task> action)
    {
        await Task.Yield();
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
