using System.Data.Common;
using System.Text.Json;
using SocialCommerce.Cluster.Storage;
using SocialCommerce.Plugins.Compilation;
using SocialCommerce.Plugins.Manifests;

namespace SocialCommerce.Plugins.Registry;

/// <summary>
/// Plug-in versions in the database (module <c>plugins</c>). A version is checked (manifest, compile, sandbox)
/// before it is stored, so everything stored compiles. Versions are immutable, except that a file's version follows
/// its file while nothing pins it. A published workflow version pins what it uses; a pinned version is never deleted.
/// </summary>
public sealed class PluginRegistry(IDatabase database, PluginCompiler compiler, TimeProvider time)
{
    private const string Columns = "name, version, kind, manifest, code, content_hash, origin, created_at";

    /// <exception cref="Expressions.ScriptCompilationException">Invalid manifest, compile error or sandbox refusal.</exception>
    /// <exception cref="PluginVersionConflictException">The version exists with other content.</exception>
    /// <exception cref="PluginVersionPinnedException">A file changed a version that is pinned.</exception>
    public async Task<(PluginVersion Version, PluginSaveOutcome Outcome)> SaveAsync(
        PluginManifest manifest, string code, PluginOrigin origin, CancellationToken cancellationToken = default)
    {
        manifest = manifest.Normalized();
        var compiled = compiler.Compile(manifest, code);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var json = JsonSerializer.Serialize(manifest, PluginManifest.Json);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(
            $"INSERT INTO plugin_versions ({Columns}) VALUES (@name, @version, @kind, @manifest, @code, @hash, @origin, @at) " +
            "ON CONFLICT (name, version) DO NOTHING", cancellationToken, null,
            ("@name", manifest.Name), ("@version", manifest.Version), ("@kind", manifest.Kind.Name()), ("@manifest", json),
            ("@code", code), ("@hash", compiled.ContentHash), ("@origin", origin.ToString()), ("@at", now));
        if (inserted == 1)
        {
            return (await GetRequiredAsync(connection, manifest.Name, manifest.Version, cancellationToken), PluginSaveOutcome.Created);
        }

        var existing = await GetRequiredAsync(connection, manifest.Name, manifest.Version, cancellationToken);
        if (existing.ContentHash == compiled.ContentHash)
        {
            return (existing, PluginSaveOutcome.Unchanged);
        }
        if (origin != PluginOrigin.File || existing.Origin != PluginOrigin.File)
        {
            throw new PluginVersionConflictException(manifest.Name, manifest.Version);
        }
        var replaced = await connection.ExecuteAsync(
            "UPDATE plugin_versions SET kind = @kind, manifest = @manifest, code = @code, content_hash = @hash, created_at = @at " +
            "WHERE name = @name AND version = @version AND origin = 'File' " +
            "AND NOT EXISTS (SELECT 1 FROM plugin_pins p WHERE p.name = @name AND p.version = @version)", cancellationToken, null,
            ("@name", manifest.Name), ("@version", manifest.Version), ("@kind", manifest.Kind.Name()), ("@manifest", json),
            ("@code", code), ("@hash", compiled.ContentHash), ("@at", now));
        if (replaced == 0)
        {
            throw new PluginVersionPinnedException(manifest.Name, manifest.Version, existing.PinnedBy);
        }
        compiler.Evict(existing.ContentHash);
        return (await GetRequiredAsync(connection, manifest.Name, manifest.Version, cancellationToken), PluginSaveOutcome.Replaced);
    }

    public async Task<PluginVersion?> GetAsync(string name, string version, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await GetAsync(connection, name, version, cancellationToken);
    }

    /// <summary>Every stored version, by name, newest version first.</summary>
    public async Task<IReadOnlyList<PluginVersion>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var versions = await ReadVersionsAsync(connection, "", [], cancellationToken);
        return versions
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .ThenByDescending(v => System.Version.TryParse(v.Version.Split('-')[0], out var parsed) ? parsed : new Version())
            .ThenByDescending(v => v.Version, StringComparer.Ordinal)
            .ToList();
    }

    /// <exception cref="PluginNotFoundException"/>
    /// <exception cref="PluginVersionPinnedException"/>
    public async Task DeleteAsync(string name, string version, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var existing = await GetAsync(connection, name, version, cancellationToken) ?? throw new PluginNotFoundException(name, version);
        int deleted;
        try
        {
            deleted = await connection.ExecuteAsync(
                "DELETE FROM plugin_versions WHERE name = @name AND version = @version " +
                "AND NOT EXISTS (SELECT 1 FROM plugin_pins p WHERE p.name = @name AND p.version = @version)", cancellationToken, null,
                ("@name", name), ("@version", version));
        }
        catch (DbException)
        {
            // The foreign key: a pin arrived between our check and the delete.
            deleted = 0;
        }
        if (deleted == 0)
        {
            var now = await GetAsync(connection, name, version, cancellationToken) ?? throw new PluginNotFoundException(name, version);
            throw new PluginVersionPinnedException(name, version, now.PinnedBy);
        }
        compiler.Evict(existing.ContentHash);
    }

    /// <summary>Marks the version as used by <paramref name="pinnedBy"/> (say, a published workflow version). Idempotent.</summary>
    /// <exception cref="PluginNotFoundException"/>
    public async Task PinAsync(string name, string version, string pinnedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pinnedBy);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        int pinned;
        try
        {
            pinned = await connection.ExecuteAsync(
                "INSERT INTO plugin_pins (name, version, pinned_by, pinned_at) " +
                "SELECT @name, @version, @by, @at WHERE EXISTS (SELECT 1 FROM plugin_versions v WHERE v.name = @name AND v.version = @version) " +
                "ON CONFLICT (name, version, pinned_by) DO NOTHING", cancellationToken, null,
                ("@name", name), ("@version", version), ("@by", pinnedBy), ("@at", time.GetUtcNow().ToUnixTimeMilliseconds()));
        }
        catch (DbException)
        {
            // The foreign key: the version was deleted between the check and the insert.
            pinned = 0;
        }
        if (pinned == 0 && await GetAsync(connection, name, version, cancellationToken) is null)
        {
            throw new PluginNotFoundException(name, version);
        }
    }

    /// <summary>Drops one pin; the version may be deleted once no pin is left. Idempotent.</summary>
    public async Task UnpinAsync(string name, string version, string pinnedBy, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "DELETE FROM plugin_pins WHERE name = @name AND version = @version AND pinned_by = @by", cancellationToken, null,
            ("@name", name), ("@version", version), ("@by", pinnedBy));
    }

    private async Task<PluginVersion> GetRequiredAsync(DbConnection connection, string name, string version, CancellationToken cancellationToken) =>
        await GetAsync(connection, name, version, cancellationToken) ?? throw new PluginNotFoundException(name, version);

    private static async Task<PluginVersion?> GetAsync(DbConnection connection, string name, string version, CancellationToken cancellationToken) =>
        (await ReadVersionsAsync(connection, "WHERE v.name = @name AND v.version = @version",
            [("@name", name), ("@version", version)], cancellationToken)).SingleOrDefault();

    private static async Task<List<PluginVersion>> ReadVersionsAsync(DbConnection connection, string where,
        (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        var pins = new Dictionary<(string, string), List<string>>();
        await using (var command = connection.CreateCommand(
            "SELECT p.name, p.version, p.pinned_by FROM plugin_pins p JOIN plugin_versions v ON v.name = p.name AND v.version = p.version " +
            where + " ORDER BY p.pinned_at, p.pinned_by"))
        {
            foreach (var (n, value) in parameters)
            {
                command.With(n, value);
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                (pins.TryGetValue(key, out var list) ? list : pins[key] = []).Add(reader.GetString(2));
            }
        }

        var versions = new List<PluginVersion>();
        await using (var command = connection.CreateCommand(
            "SELECT v.manifest, v.code, v.content_hash, v.origin, v.created_at, v.name, v.version FROM plugin_versions v " + where))
        {
            foreach (var (n, value) in parameters)
            {
                command.With(n, value);
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var manifest = JsonSerializer.Deserialize<PluginManifest>(reader.GetString(0), PluginManifest.Json)!.Normalized();
                versions.Add(new PluginVersion(manifest, reader.GetString(1), reader.GetString(2), Enum.Parse<PluginOrigin>(reader.GetString(3)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                    pins.TryGetValue((reader.GetString(5), reader.GetString(6)), out var pinnedBy) ? pinnedBy : []));
            }
        }
        return versions;
    }
}
