using Microsoft.Extensions.Options;
using SocialCommerce.Cluster;
using SocialCommerce.Commerce;
using SocialCommerce.Commerce.Groups;
using SocialCommerce.Commerce.Orders;
using SocialCommerce.Commerce.Promoters;
using SocialCommerce.Commerce.Regions;

namespace SocialCommerce.Host.Demo;

/// <summary>
/// Fills an empty database with a small, realistic data set: per region a supervisor with an invite tree three
/// levels deep, groups of every kind, a funnel line, and orders paid in parts through several channels, some
/// signed; then the demo workflows (<see cref="DemoWorkflows"/>). Everything goes through the grains and services,
/// so the same events flow as in real use.
/// Every step uses fixed ids and is idempotent, so a start interrupted half-way finishes the job next time.
/// </summary>
internal sealed class DemoSeeder(
    IGrainFactory grains,
    PromoterSignUp signUp,
    GroupOpening opening,
    OrderPlacement placement,
    FunnelLineLaunch lines,
    DemoWorkflows workflows,
    IOptions<DemoDataOptions> options,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public const string MarkerKey = "demo-v1";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedOnStart)
        {
            return;
        }

        var marker = grains.Get<IDemoSeedMarkerGrain>(MarkerKey);
        var progress = await marker.GetAsync(cancellationToken);
        if (progress.CompletedAt is not null)
        {
            return;
        }

        if (progress.StartedAt is null && await AnyRegionAsync(cancellationToken))
        {
            logger.LogInformation("The database already has regions; demo data is not seeded");
            return;
        }

        await marker.MarkStartedAsync(cancellationToken);
        foreach (var (regionId, prefix, name) in DemoRegions.All)
        {
            await SeedRegionAsync(regionId, prefix, name, cancellationToken);
        }

        await workflows.SeedAsync(cancellationToken);
        await marker.MarkCompletedAsync(cancellationToken);
        logger.LogInformation("Seeded demo data in {RegionCount} regions and {WorkflowCount} published workflows", DemoRegions.All.Count,
            DemoWorkflows.FunnelRegions.Count + DemoWorkflows.Definitions.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<bool> AnyRegionAsync(CancellationToken cancellationToken)
    {
        foreach (var (regionId, _, _) in DemoRegions.All)
        {
            if (await grains.Get<IRegionGrain>(regionId).GetAsync(cancellationToken) is not null)
            {
                return true;
            }
        }

        return (await grains.Get<IRegionCatalogGrain>(IRegionCatalogGrain.Key).ListAsync(cancellationToken)).Count > 0;
    }

    private async Task SeedRegionAsync(string regionId, string prefix, string name, CancellationToken cancellationToken)
    {
        await grains.Get<IRegionGrain>(regionId).DefineAsync(name, cancellationToken);

        // Invite tree: a supervisor at the root, two promoters, each with two, each of those with one new member —
        // so the deepest promoter has a full three-level commission chain.
        var root = await SignUpAsync($"{prefix}-root", $"{prefix.ToUpperInvariant()} supervisor", regionId, null, cancellationToken);
        await grains.Get<IPromoterGrain>(root.Id).ChangeLevelAsync(PromoterLevel.Supervisor, cancellationToken);
        var sellers = new List<PromoterView>();
        for (var a = 1; a <= 2; a++)
        {
            var first = await SignUpAsync($"{prefix}-p{a}", $"Promoter {a}", regionId, root.InviteCode, cancellationToken);
            await grains.Get<IPromoterGrain>(first.Id).ChangeLevelAsync(PromoterLevel.Promoter, cancellationToken);
            for (var b = 1; b <= 2; b++)
            {
                var second = await SignUpAsync($"{prefix}-p{a}{b}", $"Promoter {a}.{b}", regionId, first.InviteCode, cancellationToken);
                var third = await SignUpAsync($"{prefix}-p{a}{b}1", $"New member {a}.{b}.1", regionId, second.InviteCode, cancellationToken);
                sellers.Add(second);
                sellers.Add(third);
            }
        }

        // Groups of each kind: the supervisor's warm-up group starts this week's funnel line.
        var warmUp = await OpenAsync($"{prefix}-warm-up", "7-day warm-up", root.Id, GroupKind.WarmUp, cancellationToken);
        await JoinAsync(warmUp.Id, Enumerable.Range(1, 40).Select(i => $"{prefix}-fan{i:000}"), cancellationToken);
        await lines.StartAsync(regionId, new StartFunnelLine($"{prefix}-line-1", root.Id, warmUp.Id), cancellationToken);
        var task = await OpenAsync($"{prefix}-task", "21-day tasks", $"{prefix}-p1", GroupKind.Task, cancellationToken);
        await JoinAsync(task.Id, sellers.Select(s => s.Id).Concat(Enumerable.Range(1, 20).Select(i => $"{prefix}-fan{i:000}")), cancellationToken);
        await OpenAsync($"{prefix}-head-users", "Head users", $"{prefix}-p2", GroupKind.HeadUser, cancellationToken);
        await OpenAsync($"{prefix}-interest", "Home & kitchen", $"{prefix}-p2", GroupKind.Interest, cancellationToken);
        await grains.Get<IGroupGrain>(warmUp.Id).RecordMessagesAsync(120, cancellationToken);

        await SeedOrdersAsync(prefix, task.Id, sellers, cancellationToken);
    }

    /// <summary>
    /// Orders as reconciliation meets them: a deposit on one channel and the rest on another, some shipped,
    /// some signed, some complete.
    /// </summary>
    private async Task SeedOrdersAsync(string prefix, string groupId, IReadOnlyList<PromoterView> sellers, CancellationToken cancellationToken)
    {
        (PaymentChannel Channel, long Fen)[][] paymentPlans =
        [
            [(PaymentChannel.WechatTransfer, 5_000), (PaymentChannel.Cod, 24_900)],
            [(PaymentChannel.RedPacket, 2_000)],
            [(PaymentChannel.BankTransfer, 10_000), (PaymentChannel.Alipay, 19_900)],
            [(PaymentChannel.MiniProgram, 20_000)],
            [],
            [(PaymentChannel.WechatTransfer, 9_900), (PaymentChannel.RedPacket, 10_000)],
        ];
        for (var i = 0; i < paymentPlans.Length; i++)
        {
            var orderId = $"{prefix}-o{i + 1}";
            var seller = sellers[i % sellers.Count];
            var order = await placement.PlaceAsync(new PlaceOrder(orderId, seller.Id, groupId,
            [
                new PlaceOrderItem("tea-500g", "Pu'er tea 500 g", 1, Money.FromFen(19_900)),
                new PlaceOrderItem("cup-2", "Travel cup", 2, Money.FromFen(5_000)),
            ]), cancellationToken);
            var grain = grains.Get<IOrderGrain>(order.Id);
            for (var p = 0; p < paymentPlans[i].Length; p++)
            {
                var (channel, fen) = paymentPlans[i][p];
                await grain.RecordPaymentAsync($"{orderId}-pay{p + 1}", channel, Money.FromFen(fen), $"demo {channel}", cancellationToken);
            }

            if (i % 3 != 2)
            {
                await grain.MarkShippedAsync($"SF{prefix.ToUpperInvariant()}{i + 1:0000}", cancellationToken);
            }

            if (i % 3 == 0)
            {
                await grain.MarkSignedAsync(cancellationToken);
            }
        }
    }

    private Task<PromoterView> SignUpAsync(string id, string name, string regionId, string? inviteCode, CancellationToken cancellationToken) =>
        signUp.SignUpAsync(new SignUpPromoter(id, name, regionId, inviteCode), cancellationToken);

    private Task<GroupView> OpenAsync(string id, string name, string ownerId, GroupKind kind, CancellationToken cancellationToken) =>
        opening.OpenAsync(new CreateGroup(id, name, ownerId, kind), cancellationToken);

    private async Task JoinAsync(string groupId, IEnumerable<string> memberIds, CancellationToken cancellationToken)
    {
        var group = grains.Get<IGroupGrain>(groupId);
        foreach (var memberId in memberIds)
        {
            await group.JoinAsync(memberId, cancellationToken);
        }
    }
}
