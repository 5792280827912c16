using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SocialCommerce.Workflows.Webhooks;

/// <summary>
/// Signs a webhook the Standard Webhooks way: <c>v1,</c> + base64 HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>
/// with the secret's key. The verifier checks inbound hooks with it, and the engine's SendWebhook activity signs
/// outbound ones with <see cref="CreateHeaders"/>, so both directions agree byte for byte.
/// </summary>
public static class WebhookSigner
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string VersionPrefix = "v1,";

    /// <summary>The <c>webhook-signature</c> value (one signature) for this message.</summary>
    public static string Sign(string secret, string id, DateTimeOffset timestamp, ReadOnlySpan<byte> body) =>
        VersionPrefix + Convert.ToBase64String(ComputeHmac(WebhookSecret.KeyOf(secret), id, UnixSeconds(timestamp), body));

    /// <summary>
    /// The three headers of a signed delivery. Pass several secrets while rotating so receivers that still hold the
    /// old one accept it too (the signatures are space-separated, as the spec allows).
    /// </summary>
    public static IReadOnlyDictionary<string, string> CreateHeaders(IReadOnlyList<string> secrets, string id, DateTimeOffset timestamp,
        ReadOnlySpan<byte> body)
    {
        ArgumentOutOfRangeException.ThrowIfZero(secrets.Count);
        var signatures = new string[secrets.Count];
        for (var i = 0; i < secrets.Count; i++)
        {
            signatures[i] = Sign(secrets[i], id, timestamp, body);
        }
        return new Dictionary<string, string>
        {
            [IdHeader] = id,
            [TimestampHeader] = UnixSeconds(timestamp),
            [SignatureHeader] = string.Join(' ', signatures),
        };
    }

    internal static string UnixSeconds(DateTimeOffset timestamp) =>
        timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>HMAC over the exact bytes received; the body is never decoded and re-encoded on the way.</summary>
    internal static byte[] ComputeHmac(byte[] key, string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
