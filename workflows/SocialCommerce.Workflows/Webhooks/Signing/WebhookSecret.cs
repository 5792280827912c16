using System.Security.Cryptography;

namespace SocialCommerce.Workflows.Webhooks;

/// <summary>
/// A Standard Webhooks secret: <c>whsec_</c> followed by the base64 of the HMAC key. The prefix makes a leaked
/// secret recognisable to secret scanners; the key is 32 random bytes (the HMAC-SHA256 block-size sweet spot).
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    private const int KeyBytes = 32;

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>The HMAC key a secret stands for.</summary>
    /// <exception cref="FormatException">Not <c>whsec_</c> + base64.</exception>
    public static byte[] KeyOf(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new FormatException($"A webhook secret starts with '{Prefix}' followed by base64; this one does not.");
        }
        return Convert.FromBase64String(secret[Prefix.Length..]);
    }
}
