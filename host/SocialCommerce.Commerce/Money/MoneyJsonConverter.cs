using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialCommerce.Commerce;

/// <summary>Reads and writes <see cref="Money"/> as an integer number of fen; a fraction is refused rather than rounded.</summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var fen))
        {
            return new Money(fen);
        }

        throw new JsonException("Money is an integer number of fen (1 yuan = 100 fen), e.g. 12950 for ¥129.50.");
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Fen);
}
