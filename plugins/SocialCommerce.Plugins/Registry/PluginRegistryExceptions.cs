namespace SocialCommerce.Plugins.Registry;

/// <summary>No such plug-in version.</summary>
public sealed class PluginNotFoundException(string name, string version)
    : Exception($"Plug-in {name} version {version} does not exist.")
{
    public string Name { get; } = name;

    public string Version { get; } = version;
}

/// <summary>A pinned version cannot be deleted (or replaced) while something uses it.</summary>
public sealed class PluginVersionPinnedException(string name, string version, IReadOnlyList<string> pinnedBy)
    : Exception($"Plug-in {name} version {version} is pinned by {string.Join(", ", pinnedBy)}; unpin it (or retire what uses it) first.")
{
    public IReadOnlyList<string> PinnedBy { get; } = pinnedBy;
}

/// <summary>A version is immutable: the same name and version were stored before with other content.</summary>
public sealed class PluginVersionConflictException(string name, string version)
    : Exception($"Plug-in {name} version {version} already exists with other content; versions never change, upload it as a new version.");
