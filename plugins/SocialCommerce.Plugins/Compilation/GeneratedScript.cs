using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SocialCommerce.Plugins.Compilation;

/// <summary>
/// A user's code wrapped in a generated class: the full source, where the user's part sits in it (for diagnostics
/// and the sandbox), and the file name its <c>#line</c> directive gives it (for runtime stack traces).
/// </summary>
internal sealed record GeneratedScript(
    string AssemblyName, string EntryTypeName, string Source, TextSpan UserSpan, string FileName, IReadOnlyCollection<Type> HostTypes)
{
    /// <summary>Compiled expression libraries the script may call (their classes count as host types).</summary>
    public IReadOnlyList<LoadedScript> Libraries { get; init; } = [];

    /// <summary>1-based line and column of a position inside (or clamped to) the user's code.</summary>
    public (int Line, int Column) UserPosition(int position)
    {
        var offset = Math.Clamp(position - UserSpan.Start, 0, UserSpan.Length);
        var user = Source.AsSpan(UserSpan.Start, offset);
        var line = user.Count('\n') + 1;
        var lastBreak = user.LastIndexOf('\n');
        return (line, offset - lastBreak);
    }
}

/// <summary>Writes a generated source around the user's code and remembers where that code went.</summary>
internal sealed class GeneratedScriptBuilder(string fileName)
{
    private readonly StringBuilder _source = new();
    private TextSpan _userSpan;

    public GeneratedScriptBuilder Append(string generated)
    {
        _source.Append(generated);
        return this;
    }

    /// <summary>The user's code on lines of its own, so that its line and column are its own too.</summary>
    public GeneratedScriptBuilder AppendUserCode(string code)
    {
        if (_source.Length > 0 && _source[^1] != '\n')
        {
            _source.Append('\n');
        }
        _source.Append("#line 1 \"").Append(fileName).Append("\"\n");
        var start = _source.Length;
        _source.Append(code.Replace("\r\n", "\n"));
        _userSpan = TextSpan.FromBounds(start, _source.Length);
        _source.Append("\n#line hidden\n");
        return this;
    }

    public GeneratedScript Build(string assemblyName, string entryTypeName, IReadOnlyCollection<Type> hostTypes) =>
        new(assemblyName, entryTypeName, _source.ToString(), _userSpan, fileName, hostTypes);
}
