namespace SocialCommerce.Workflows.Webhooks;

/// <summary>Headers that must never reach the delivery log or the database: credentials and the signature itself.</summary>
public static class WebhookHeaderRedaction
{
    public const string Redacted = "[redacted]";

    private static readonly HashSet<string> Secret = new(StringComparer.OrdinalIgnoreCase)
    {
        WebhookSigner.SignatureHeader, "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key",
    };

    public static IReadOnlyDictionary<string, string> Redact(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var redacted = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            redacted[name.ToLowerInvariant()] = Secret.Contains(name) ? Redacted : value;
        }
        return redacted;
    }
}
