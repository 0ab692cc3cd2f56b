using System;
using System.Globalization;
using System.Text.Json;

namespace Antom.Contracts.Serialization;

/// <content>Numbers: <c>integer</c> as <see cref="long"/>, <c>number</c> as <see cref="decimal"/>, both exact, both bounded.</content>
public static partial class ContractReader
{
    // decimal holds up to 28 significant digits exactly at any scale from 0 to 28, below 2^96.
    private const int DecimalDigits = 28;

    /// <summary>An <c>integer</c>: a JSON number with no fraction and no exponent, within the range of <see cref="long"/>.</summary>
    public static long ReadInt64(ref AntomJsonReader reader, string? propertyName)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw NotA(ref reader, propertyName, "an integer");
        }

        ReadOnlySpan<byte> text = reader.ValueSpan;
        if (text.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0)
        {
            throw AntomPayloadException.WrongType(PathOf(propertyName), "an integer (no fraction, no exponent)", JsonTokenType.Number);
        }

        return reader.TryGetInt64(out long value)
            ? value
            : throw AntomPayloadException.OutOfRange(PathOf(propertyName), System.Text.Encoding.UTF8.GetString(text), "outside the range of a 64-bit integer");
    }

    /// <summary>A <c>number</c> as a <see cref="decimal"/>, exactly: a value that <see cref="decimal"/> cannot hold exactly is an error, never rounded.</summary>
    public static decimal ReadDecimal(ref AntomJsonReader reader, string? propertyName)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw NotA(ref reader, propertyName, "a number");
        }

        ReadOnlySpan<byte> text = reader.ValueSpan;
        return TryParseExactDecimal(text, out decimal value)
            ? value
            : throw AntomPayloadException.OutOfRange(PathOf(propertyName), System.Text.Encoding.UTF8.GetString(text), "outside what a decimal holds exactly (at most 28 significant digits, 28 decimal places, and below 7.9e28); it is never rounded");
    }

    /// <summary>
    /// An <c>integer</c> that Antom may send either as a JSON number or as a JSON string holding one
    /// (<c>x-antom-number-or-string</c>): the string's text must itself be a JSON integer, read exactly as a number would be.
    /// </summary>
    public static long ReadInt64OrString(ref AntomJsonReader reader, string? propertyName)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return ReadInt64(ref reader, propertyName);
        }

        AntomJsonReader number = NumberInside(ref reader, propertyName, "an integer");
        return ReadInt64(ref number, propertyName);
    }

    /// <summary>A <c>number</c> that may come as a JSON number or as a JSON string holding one; exact either way.</summary>
    public static decimal ReadDecimalOrString(ref AntomJsonReader reader, string? propertyName)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return ReadDecimal(ref reader, propertyName);
        }

        AntomJsonReader number = NumberInside(ref reader, propertyName, "a number");
        return ReadDecimal(ref number, propertyName);
    }

    // The JSON number a string holds, as a reader on that number: the same grammar as an unquoted one (no spaces, no
    // leading zeros, no "+"), so "5" and 5 read alike and nothing else does.
    private static AntomJsonReader NumberInside(ref AntomJsonReader reader, string? propertyName, string expected)
    {
        string text = PayloadReading.GetString(ref reader, propertyName);
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        var number = new AntomJsonReader(utf8);
        try
        {
            if (utf8.Length > 0 && utf8[0] is (byte)'-' or (>= (byte)'0' and <= (byte)'9') && number.Read() && number.TokenType == JsonTokenType.Number && number.BytesConsumed == utf8.Length)
            {
                return number;
            }
        }
        catch (JsonException)
        {
            // not a number: reported below, as a type error at the property
        }

        throw AntomPayloadException.WrongType(PathOf(propertyName), expected + ", or a string holding one", JsonTokenType.String);
    }

    /// <summary>A value within the schema's bounds (null: no bound), returned as it is.</summary>
    public static long Int64InRange(long value, string? propertyName, decimal? minimum = null, decimal? maximum = null, decimal? exclusiveMinimum = null, decimal? exclusiveMaximum = null)
    {
        CheckBounds(value, propertyName, minimum, maximum, exclusiveMinimum, exclusiveMaximum);
        return value;
    }

    /// <summary>A value within the schema's bounds (null: no bound), returned as it is.</summary>
    public static decimal DecimalInRange(decimal value, string? propertyName, decimal? minimum = null, decimal? maximum = null, decimal? exclusiveMinimum = null, decimal? exclusiveMaximum = null)
    {
        CheckBounds(value, propertyName, minimum, maximum, exclusiveMinimum, exclusiveMaximum);
        return value;
    }

    internal static void CheckBounds(decimal value, string? propertyName, decimal? minimum, decimal? maximum, decimal? exclusiveMinimum, decimal? exclusiveMaximum)
    {
        string? broken = value < minimum ? "less than the minimum " + minimum.Value.ToString(CultureInfo.InvariantCulture)
            : value > maximum ? "more than the maximum " + maximum.Value.ToString(CultureInfo.InvariantCulture)
            : value <= exclusiveMinimum ? "not more than the exclusive minimum " + exclusiveMinimum.Value.ToString(CultureInfo.InvariantCulture)
            : value >= exclusiveMaximum ? "not less than the exclusive maximum " + exclusiveMaximum.Value.ToString(CultureInfo.InvariantCulture)
            : null;
        if (broken is not null)
        {
            throw AntomPayloadException.OutOfRange(PathOf(propertyName), value.ToString(CultureInfo.InvariantCulture), broken);
        }
    }

    /// <summary>
    /// Parses a JSON number into a <see cref="decimal"/> only when the decimal holds it exactly: its significant digits
    /// make an integer below 2^96, and the scale it needs is at most 28. Trailing zeros of the fraction are kept as scale
    /// (<c>1.50</c> stays <c>1.50</c>, so it is written back the same); only zeros beyond scale 28 are dropped, which
    /// changes no value.
    /// </summary>
    internal static bool TryParseExactDecimal(ReadOnlySpan<byte> json, out decimal value)
    {
        value = 0m;
        int i = 0;
        bool negative = json.Length > 0 && json[0] == (byte)'-';
        if (negative)
        {
            i++;
        }

        Span<char> digits = stackalloc char[json.Length];
        int count = 0, fractionDigits = 0;
        bool inFraction = false;
        for (; i < json.Length && json[i] is not ((byte)'e' or (byte)'E'); i++)
        {
            if (json[i] == (byte)'.')
            {
                inFraction = true;
            }
            else
            {
                digits[count++] = (char)json[i];
                fractionDigits += inFraction ? 1 : 0;
            }
        }

        long exponent = 0;
        if (i < json.Length
            && (!long.TryParse(System.Text.Encoding.ASCII.GetString(json[(i + 1)..]), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent) || Math.Abs(exponent) > 10_000))
        {
            return false;
        }

        // The number is digits × 10^-scale.
        long scale = fractionDigits - exponent;
        ReadOnlySpan<char> significant = digits[..count].TrimStart('0');
        if (significant.IsEmpty)
        {
            value = new decimal(0, 0, 0, false, (byte)Math.Clamp(scale, 0, DecimalDigits));
            return true;
        }

        while (scale > DecimalDigits && significant[^1] == '0')
        {
            significant = significant[..^1];
            scale--;
        }

        if (scale > DecimalDigits || significant.Length - Math.Min(scale, 0) > DecimalDigits + 1)
        {
            return false;
        }

        string mantissa = scale < 0 ? significant.ToString() + new string('0', (int)-scale) : significant.ToString();
        if (!UInt128.TryParse(mantissa, NumberStyles.None, CultureInfo.InvariantCulture, out UInt128 n) || (n >> 96) != UInt128.Zero)
        {
            return false;
        }

        value = new decimal((int)(uint)n, (int)(uint)(n >> 32), (int)(uint)(n >> 64), negative, (byte)Math.Max(scale, 0));
        return true;
    }
}
