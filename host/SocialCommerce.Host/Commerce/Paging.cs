using SocialCommerce.Commerce;

namespace SocialCommerce.Host.Commerce;

/// <summary>The <c>?offset=&amp;limit=</c> of a listing endpoint.</summary>
internal static class Paging
{
    public const int DefaultLimit = 50;

    public static ValidationErrors Validate(int offset, int limit) => new ValidationErrors()
        .Range("offset", offset, 0, int.MaxValue)
        .Range("limit", limit, 1, Page<string>.MaxLimit);

    /// <summary>Loads one page of ids as full views (one grain call each, in parallel); ids whose grain is gone are skipped.</summary>
    public static async Task<Page<TView>> LoadAsync<TView>(Page<string> ids, Func<string, Task<TView?>> load) where TView : class
    {
        var views = await Task.WhenAll(ids.Items.Select(load));
        return new Page<TView>(ids.Total, ids.Offset, views.OfType<TView>().ToArray());
    }
}
