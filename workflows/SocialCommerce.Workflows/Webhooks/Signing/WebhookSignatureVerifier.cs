using System.Globalization;
using System.Security.Cryptography;

namespace SocialCommerce.Workflows.Webhooks;

/// <summary>
/// Checks a Standard Webhooks delivery: the timestamp is within <see cref="Tolerance"/> of now (so a captured
/// request cannot be replayed later), and one of the space-separated <c>v1,</c> signatures matches the HMAC of
/// <c>id.timestamp.body</c> under one of the hook's current secrets. Comparison is constant-time.
/// </summary>
public sealed class WebhookSignatureVerifier(TimeProvider time)
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public WebhookVerificationResult Verify(IReadOnlyList<string> secrets, string? id, string? timestamp, string? signatureHeader,
        ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(timestamp) || string.IsNullOrWhiteSpace(signatureHeader))
        {
            return new(WebhookVerification.MissingHeaders,
                $"Signed webhooks need the headers '{WebhookSigner.IdHeader}', '{WebhookSigner.TimestampHeader}' and " +
                $"'{WebhookSigner.SignatureHeader}' (Standard Webhooks); at least one is missing or empty.");
        }
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return new(WebhookVerification.MalformedTimestamp,
                $"'{WebhookSigner.TimestampHeader}' must be the send time in whole Unix seconds; got '{timestamp}'.");
        }
        var skew = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (skew.Duration() > Tolerance)
        {
            return new(WebhookVerification.StaleTimestamp,
                $"'{WebhookSigner.TimestampHeader}' is {Math.Abs(skew.TotalSeconds):N0} s {(skew > TimeSpan.Zero ? "old" : "in the future")}; " +
                $"deliveries must be signed within {Tolerance.TotalMinutes:N0} minutes of now. Re-sign with the current time and check the sender's clock.");
        }

        Span<byte> candidate = stackalloc byte[32];
        foreach (var signature in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!signature.StartsWith(WebhookSigner.VersionPrefix, StringComparison.Ordinal) ||
                !Convert.TryFromBase64String(signature[WebhookSigner.VersionPrefix.Length..], candidate, out var written) || written != 32)
            {
                continue; // other versions (v1a, …) or garbage: the spec says to ignore what we cannot check
            }
            foreach (var secret in secrets)
            {
                var expected = WebhookSigner.ComputeHmac(WebhookSecret.KeyOf(secret), id, timestamp, body);
                if (CryptographicOperations.FixedTimeEquals(expected, candidate))
                {
                    return WebhookVerificationResult.Valid;
                }
            }
        }
        return new(WebhookVerification.BadSignature,
            $"No signature in '{WebhookSigner.SignatureHeader}' matches this body under the hook's secret. Sign " +
            "'{webhook-id}.{webhook-timestamp}.{raw body}' with HMAC-SHA256 using the base64-decoded part of the whsec_ secret, " +
            "and send 'v1,' + base64 of the result; if the secret was rotated, use the new one.");
    }
}
