namespace SocialCommerce.Commerce;

/// <summary>One page of a list: <see cref="Total"/> items exist, these start at <see cref="Offset"/>.</summary>
public sealed record Page<T>(int Total, int Offset, IReadOnlyList<T> Items)
{
    public const int MaxLimit = 100;

    public static Page<T> Of(IReadOnlyList<T> all, int offset, int limit) =>
        new(all.Count, offset, all.Skip(offset).Take(limit).ToArray());
}
