using System;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Antom.Contracts.Serialization;

namespace Antom.Contracts;

/// <summary>
/// Reads and writes <see cref="Money"/> as Antom's Amount object, <c>{"currency":"BRL","value":"110"}</c>,
/// directly on <see cref="Serialization.AntomJsonReader"/> and <see cref="Utf8JsonWriter"/>: no reflection, AOT- and trim-safe.
/// </summary>
/// <remarks>
/// <para>Reading enforces every rule of <c>schemas/amount.schema.json</c>: both members required and non-null,
/// <c>currency</c> exactly three upper-case letters, <c>value</c> a string of 1 to 16 digits (never a JSON number, never
/// <c>"1.10"</c>, never negative). A duplicated member is an error; unknown members are skipped.</para>
/// <para>Errors are <see cref="AntomPayloadException"/> with a path relative to the amount object (<c>$.value</c>);
/// readers of enclosing objects re-root it with <see cref="AntomPayloadException.UnderProperty"/>.</para>
/// </remarks>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    /// <summary>What an amount's <c>value</c> must be, as error messages say it.</summary>
    public const string ValueRule = "an amount in minor units (digits only, at most 16)";

    /// <summary>What an amount's <c>currency</c> must be, as error messages say it.</summary>
    public const string CurrencyRule = "an ISO 4217 currency code (exactly 3 upper-case letters A-Z)";

    private static readonly JsonEncodedText CurrencyName = JsonEncodedText.Encode("currency");
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
    internal static readonly string CurrencyPath = JsonPath.OfProperty("currency");
    private static readonly string ValuePath = JsonPath.OfProperty("value");

    /// <inheritdoc/>
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadMoney(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => WriteMoney(writer, value);

    /// <summary>
    /// Reads one Amount object. The reader must be on the value's first token; on return it is on the object's
    /// <see cref="JsonTokenType.EndObject"/>. The object's bytes are taken whole (the reader may span several buffers)
    /// and read by the contracts' own reader, as <see cref="AntomJson.Deserialize{T}(ReadOnlySpan{byte})"/> reads them.
    /// </summary>
    /// <exception cref="AntomPayloadException">The value breaks the Amount contract; the path is relative to the object.</exception>
    public static Money ReadMoney(ref Utf8JsonReader reader) => Serialization.ContractReader.ReadValue<Money>(ref reader);

    /// <summary>Reads one Amount object from the contracts' reader, as <see cref="ReadMoney(ref Utf8JsonReader)"/> does.</summary>
    internal static Money ReadMoney(ref Serialization.AntomJsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw AntomPayloadException.WrongType(JsonPath.Root, "an amount object {\"currency\":...,\"value\":...}", reader.TokenType);
        }

        CurrencyCode currency = default;
        long minorUnits = 0;
        bool hasCurrency = false, hasValue = false;

        // One handler for the object; `current` says which member a syntax error interrupted.
        string? current = null;
        try
        {
            while (true)
            {
                current = null;
                if (!reader.Read())
                {
                    throw Serialization.ContractReader.EndOfInput(null);
                }

                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                if (IsName(ref reader, "currency"u8))
                {
                    if (hasCurrency)
                    {
                        throw AntomPayloadException.Duplicate(CurrencyPath);
                    }

                    current = "currency";
                    if (!reader.Read())
                    {
                        throw Serialization.ContractReader.EndOfInput(current);
                    }

                    currency = ReadCurrency(ref reader, current);
                    hasCurrency = true;
                }
                else if (IsName(ref reader, "value"u8))
                {
                    if (hasValue)
                    {
                        throw AntomPayloadException.Duplicate(ValuePath);
                    }

                    current = "value";
                    if (!reader.Read())
                    {
                        throw Serialization.ContractReader.EndOfInput(current);
                    }

                    minorUnits = ReadMinorUnits(ref reader, current);
                    hasValue = true;
                }
                else
                {
                    PayloadReading.SkipPropertyValue(ref reader);
                }
            }
        }
        catch (JsonException error) when (error is not AntomPayloadException)
        {
            throw AntomPayloadException.Malformed(PayloadReading.PathOf(current), error);
        }
        catch (InvalidOperationException error)
        {
            // Text the reader cannot decode in a member name or value (invalid UTF-8, a lone surrogate escape).
            throw Serialization.ContractReader.InvalidText(current, error);
        }

        if (!hasCurrency)
        {
            throw AntomPayloadException.Missing(CurrencyPath);
        }

        if (!hasValue)
        {
            throw AntomPayloadException.Missing(ValuePath);
        }

        return Money.FromMinorUnits(minorUnits, currency);
    }

    /// <summary>Writes one Amount object.</summary>
    /// <exception cref="AntomPayloadException"><paramref name="value"/> is <c>default(Money)</c>, which has no currency.</exception>
    public static void WriteMoney(Utf8JsonWriter writer, Money value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Money.ThrowIfNoCurrency(value, CurrencyPath);

        if (writer.Options.Indented)
        {
            // A caller's indented writer lays the object out itself; the compact bytes below would not be indented.
            Span<byte> digits = stackalloc byte[20];
            int written = FormatDigits(value.MinorUnits, digits);
            writer.WriteStartObject();
            writer.WriteString(CurrencyName, value.Currency.Code);
            writer.WriteString(ValueName, digits[..written]);
            writer.WriteEndObject();
            return;
        }

        // The whole object in one raw write: {"currency":"BRL","value":"6000"}. Nothing in it needs escaping by
        // construction (a currency code is exactly 3 letters A-Z, a Money's minor units are 0 to 16 digits and never
        // negative), so these are the very bytes the four writer calls above produce.
        Span<byte> buffer = stackalloc byte[MaxCompactLength];
        int length = FormatCompact(value, buffer);
        writer.WriteRawValue(buffer[..length], skipInputValidation: true);
    }

    // {"currency":"XXX","value":"" + at most 20 digits + "}
    internal const int MaxCompactLength = 32 + 20;

    /// <summary>Formats <c>{"currency":"BRL","value":"6000"}</c> into <paramref name="buffer"/> (at least <see cref="MaxCompactLength"/> bytes); the length written.</summary>
    internal static int FormatCompact(Money value, Span<byte> buffer)
    {
        string code = value.Currency.Code;
        "{\"currency\":\"___\",\"value\":\""u8.CopyTo(buffer);
        buffer[13] = (byte)code[0];
        buffer[14] = (byte)code[1];
        buffer[15] = (byte)code[2];
        int written = FormatDigits(value.MinorUnits, buffer[27..]);
        buffer[27 + written] = (byte)'"';
        buffer[28 + written] = (byte)'}';
        return 29 + written;
    }

    private static int FormatDigits(long minorUnits, Span<byte> destination)
    {
        bool formatted = minorUnits.TryFormat(destination, out int written, default, CultureInfo.InvariantCulture);
        System.Diagnostics.Debug.Assert(formatted, "a long always fits 20 bytes");
        return written;
    }

    // A member name compared on the reader's raw bytes when it holds them unescaped in one span (nearly always).
    private static bool IsName(ref Serialization.AntomJsonReader reader, ReadOnlySpan<byte> name) => reader.ValueTextEquals(name);

    private static CurrencyCode ReadCurrency(ref Serialization.AntomJsonReader reader, string name)
    {
        PayloadReading.RequireString(ref reader, name, "a currency code string");
        if (!reader.ValueIsEscaped && CurrencyCode.TryParse(reader.ValueSpan, out CurrencyCode fast))
        {
            return fast;
        }

        string text = PayloadReading.GetString(ref reader, name);
        return CurrencyCode.TryParse(text, out CurrencyCode parsed)
            ? parsed
            : throw AntomPayloadException.PatternMismatch(CurrencyPath, text, CurrencyRule);
    }

    private static long ReadMinorUnits(ref Serialization.AntomJsonReader reader, string name)
    {
        PayloadReading.RequireString(ref reader, name, "a string of minor-unit digits (an amount value is never a JSON number)");
        if (!reader.ValueIsEscaped && TryParseDigits(reader.ValueSpan, out long fast))
        {
            return fast;
        }

        string text = PayloadReading.GetString(ref reader, name);
        return TryParseDigits(text.AsSpan(), out long parsed)
            ? parsed
            : throw AntomPayloadException.PatternMismatch(ValuePath, text, ValueRule);
    }

    // One loop for UTF-8 bytes (the fast path) and UTF-16 chars (after unescaping).
    private static bool TryParseDigits<TChar>(ReadOnlySpan<TChar> text, out long value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        value = 0;
        if (text.Length is 0 or > Money.MaxDigits)
        {
            return false;
        }

        foreach (TChar c in text)
        {
            uint digit = uint.CreateTruncating(c) - '0';
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
