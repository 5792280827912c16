using System.Globalization;
using System.Text.Json.Serialization;

namespace SocialCommerce.Commerce;

/// <summary>
/// An amount of Chinese yuan (CNY) in integer fen (1 yuan = 100 fen). Money never passes through a floating-point
/// type, so adding partial payments can neither lose nor invent a fen. In JSON it is a plain integer of fen.
/// </summary>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public const string Currency = "CNY";

    public static readonly Money Zero = new(0);

    public static Money FromFen(long fen) => new(fen);

    /// <summary>Whole yuan (convenience for seeding and tests).</summary>
    public static Money FromYuan(long yuan) => new(checked(yuan * 100));

    public bool IsPositive => Fen > 0;

    public bool IsZero => Fen == 0;

    public static Money operator +(Money left, Money right) => new(checked(left.Fen + right.Fen));

    public static Money operator -(Money left, Money right) => new(checked(left.Fen - right.Fen));

    public static Money operator *(Money money, int quantity) => new(checked(money.Fen * quantity));

    public static bool operator <(Money left, Money right) => left.Fen < right.Fen;

    public static bool operator >(Money left, Money right) => left.Fen > right.Fen;

    public static bool operator <=(Money left, Money right) => left.Fen <= right.Fen;

    public static bool operator >=(Money left, Money right) => left.Fen >= right.Fen;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    public static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Zero, (total, next) => total + next);

    /// <summary>"¥129.50" — for messages a person reads; the fen stay exact.</summary>
    public override string ToString()
    {
        var sign = Fen < 0 ? "-" : "";
        var abs = Math.Abs(Fen);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}¥{abs / 100}.{abs % 100:00}");
    }
}
