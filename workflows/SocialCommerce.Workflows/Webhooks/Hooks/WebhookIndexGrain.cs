using SocialCommerce.Cluster;

namespace SocialCommerce.Workflows.Webhooks;

[GrainType("webhookIndex")]
public sealed class WebhookIndexGrain(IGrainState<WebhookIndexState> state) : IWebhookIndexGrain
{
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Slugs.ToArray());

    public async Task AddAsync(string slug, CancellationToken cancellationToken = default)
    {
        if (state.State.Slugs.Add(slug))
        {
            await state.WriteAsync(cancellationToken);
        }
    }

    public async Task RemoveAsync(string slug, CancellationToken cancellationToken = default)
    {
        if (state.State.Slugs.Remove(slug))
        {
            await state.WriteAsync(cancellationToken);
        }
    }
}
