using System.Text;
using SocialCommerce.Testing;
using SocialCommerce.Workflows.Webhooks;

namespace SocialCommerce.Workflows.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    // The published Standard Webhooks test vector (standard-webhooks/libraries, every language's test suite).
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string SpecTimestamp = "1614265330";
    private const string SpecBody = """{"test": 2432232314}""";
    private const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static readonly FakeTimeProvider AtSpecTime = new(DateTimeOffset.FromUnixTimeSeconds(1614265330));
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(SpecBody);

    private static WebhookVerificationResult Verify(string? signature, string secret = SpecSecret, byte[]? body = null,
        string timestamp = SpecTimestamp, TimeProvider? time = null) =>
        new WebhookSignatureVerifier(time ?? AtSpecTime).Verify([secret], SpecId, timestamp, signature, body ?? Body);

    [Fact]
    public void Signer_ReproducesTheStandardWebhooksTestVector() =>
        Assert.Equal(SpecSignature, WebhookSigner.Sign(SpecSecret, SpecId, DateTimeOffset.FromUnixTimeSeconds(1614265330), Body));

    [Fact]
    public void ValidSignature_IsAccepted() => Assert.True(Verify(SpecSignature).IsValid);

    [Fact]
    public void WrongSecret_IsRefused() =>
        Assert.Equal(WebhookVerification.BadSignature, Verify(SpecSignature, secret: WebhookSecret.Generate()).Outcome);

    [Fact]
    public void TamperedBody_IsRefused() =>
        Assert.Equal(WebhookVerification.BadSignature, Verify(SpecSignature, body: Encoding.UTF8.GetBytes("""{"test": 2432232315}""")).Outcome);

    [Fact]
    public void SeveralSignatures_OneMatching_IsAccepted() =>
        Assert.True(Verify($"v1,Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE= v1a,ignored {SpecSignature}").IsValid);

    [Fact]
    public void SeveralSecrets_DuringRotation_EitherSignatureIsAccepted()
    {
        var newSecret = WebhookSecret.Generate();
        var signedWithNew = WebhookSigner.Sign(newSecret, SpecId, AtSpecTime.GetUtcNow(), Body);
        var verifier = new WebhookSignatureVerifier(AtSpecTime);

        Assert.True(verifier.Verify([newSecret, SpecSecret], SpecId, SpecTimestamp, signedWithNew, Body).IsValid);
        Assert.True(verifier.Verify([newSecret, SpecSecret], SpecId, SpecTimestamp, SpecSignature, Body).IsValid);
    }

    [Fact]
    public void CreateHeaders_SignsWithEverySecret_SpaceSeparated()
    {
        var headers = WebhookSigner.CreateHeaders([SpecSecret, WebhookSecret.Generate()], SpecId, AtSpecTime.GetUtcNow(), Body);

        Assert.Equal(SpecTimestamp, headers[WebhookSigner.TimestampHeader]);
        Assert.Equal(2, headers[WebhookSigner.SignatureHeader].Split(' ').Length);
        Assert.StartsWith(SpecSignature + " ", headers[WebhookSigner.SignatureHeader]);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void TimestampMoreThanFiveMinutesOff_IsRefused(int offsetSeconds)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1614265330 + offsetSeconds));
        Assert.Equal(WebhookVerification.StaleTimestamp, Verify(SpecSignature, time: clock).Outcome);
    }

    [Theory]
    [InlineData(-299)]
    [InlineData(299)]
    public void TimestampWithinFiveMinutes_IsAccepted(int offsetSeconds)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1614265330 + offsetSeconds));
        Assert.True(Verify(SpecSignature, time: clock).IsValid);
    }

    [Fact]
    public void NonNumericTimestamp_IsRefusedAsMalformed() =>
        Assert.Equal(WebhookVerification.MalformedTimestamp, Verify(SpecSignature, timestamp: "2021-02-25T15:02:10Z").Outcome);

    [Fact]
    public void MissingSignatureHeader_IsRefusedAsMissingHeaders() =>
        Assert.Equal(WebhookVerification.MissingHeaders, Verify(null).Outcome);

    [Fact]
    public void GeneratedSecret_HasPrefixAnd32ByteKey()
    {
        var secret = WebhookSecret.Generate();
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, WebhookSecret.KeyOf(secret).Length);
    }

    [Fact]
    public void DedupKey_PrefersWebhookId_ThenIdempotencyKey_ThenBodyHash()
    {
        Assert.Equal("id:msg_1", WebhookIds.DedupKey("msg_1", "order-9", Body));
        Assert.Equal("key:order-9", WebhookIds.DedupKey(null, "order-9", Body));
        Assert.Equal(WebhookIds.DedupKey(null, null, Body), WebhookIds.DedupKey(" ", "", Encoding.UTF8.GetBytes(SpecBody)));
        Assert.NotEqual(WebhookIds.DedupKey(null, null, Body), WebhookIds.DedupKey(null, null, Encoding.UTF8.GetBytes("{}")));
    }

    [Fact]
    public void Redaction_HidesSignatureAndCredentials_KeepsTheRest()
    {
        var headers = WebhookHeaderRedaction.Redact(new Dictionary<string, string>
        {
            ["Webhook-Signature"] = "v1,abc", ["Authorization"] = "Bearer x", ["Cookie"] = "s=1", ["webhook-id"] = "msg_1",
        });

        Assert.Equal(WebhookHeaderRedaction.Redacted, headers["webhook-signature"]);
        Assert.Equal(WebhookHeaderRedaction.Redacted, headers["authorization"]);
        Assert.Equal(WebhookHeaderRedaction.Redacted, headers["cookie"]);
        Assert.Equal("msg_1", headers["webhook-id"]);
    }
}
