using System.Security.Cryptography;

namespace SocialCommerce.Commerce.Promoters;

/// <summary>The shape of invite codes: eight characters a person can read out and type without confusing 0/O or 1/I.</summary>
public static class InviteCodes
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public const int Length = 8;

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Codes are typed by people: compare them trimmed and upper-case.</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();
}
