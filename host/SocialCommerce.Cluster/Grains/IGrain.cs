namespace SocialCommerce.Cluster;

/// <summary>
/// Marker for grain interfaces. Every method of a grain interface returns
/// <see cref="Task"/>, <see cref="Task{TResult}"/>, <see cref="ValueTask"/> or <see cref="ValueTask{TResult}"/>;
/// a call becomes one turn of the grain's activation.
/// </summary>
public interface IGrain;
