namespace SocialCommerce.Plugins.Sdk;

/// <summary>
/// What a script writes with <c>Log.Info("...")</c>: kept with the run's result (and shown in the workflow journal),
/// bounded so a chatty loop cannot fill memory.
/// </summary>
public sealed class ScriptLog
{
    public const int MaxEntries = 200;

    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries => _entries;

    public void Info(string message) => Add("info", message);

    public void Warn(string message) => Add("warn", message);

    private void Add(string level, string message)
    {
        if (_entries.Count < MaxEntries)
        {
            _entries.Add($"{level}: {message}");
        }
    }
}
