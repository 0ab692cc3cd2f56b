using System;
using System.ComponentModel;
using System.Text.Json;

namespace Antom.Contracts.Serialization;

/// <summary>
/// The reading steps generated readers are made of. Each one checks its rule and throws
/// <see cref="AntomPayloadException"/> at the path of the property it reads, relative to the object being read;
/// readers of enclosing objects re-root the path. Public for generated code in consumers' assemblies; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class ContractReader
{
    /// <summary>The reader is on the first token of an object to read; anything else is a type error at <c>$</c>.</summary>
    public static void ExpectObject(ref AntomJsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw AntomPayloadException.WrongType(JsonPath.Root, "a " + typeName + " object", reader.TokenType);
        }
    }

    /// <summary>From a property name, moves past its value, whatever it is (an unknown property).</summary>
    public static void SkipValue(ref AntomJsonReader reader) => PayloadReading.SkipPropertyValue(ref reader);

    /// <summary>A string that must match <paramref name="pattern"/> (the schema's <c>pattern</c>).</summary>
    public static string CheckPattern(string value, string? propertyName, System.Text.RegularExpressions.Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return Matches(pattern, value, propertyName)
            ? value
            : throw AntomPayloadException.PatternMismatch(PathOf(propertyName), value, "a match of the pattern " + pattern);
    }

    /// <summary>
    /// Whether <paramref name="value"/> matches; a match that runs out of time (a pattern that backtracks badly on this
    /// input) is a Pattern error at the property, never an unlocated exception, and it carries neither the value nor the
    /// timeout exception (whose <c>Input</c> holds the value). Nothing is allocated unless it fails.
    /// </summary>
    internal static bool Matches(System.Text.RegularExpressions.Regex pattern, string value, string? propertyName)
    {
        try
        {
            return pattern.IsMatch(value);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            throw new AntomPayloadException(PathOf(propertyName), PayloadRule.Pattern, "could not be checked against the pattern " + pattern + " in time, so it is not accepted");
        }
    }

    /// <summary>
    /// A required string: present, not null, a string, no longer than <paramref name="maxLength"/> (-1: no limit) and
    /// no shorter than <paramref name="minLength"/> (-1: no limit). Lengths count UTF-16 code units, as
    /// <see cref="string.Length"/> does (a character outside the Basic Multilingual Plane counts two).
    /// </summary>
    public static string ReadString(ref AntomJsonReader reader, string? propertyName, int maxLength, int minLength = -1)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw NotA(ref reader, propertyName, "a string");
        }

        // A UTF-8 value never has more UTF-16 characters than bytes, so a short one needs no second look.
        bool mayBeTooLong = maxLength >= 0 && reader.ValueSpan.Length > maxLength;
        string value = PayloadReading.GetString(ref reader, propertyName);
        if (mayBeTooLong && value.Length > maxLength)
        {
            throw AntomPayloadException.TooLong(PathOf(propertyName), value, maxLength);
        }

        if (value.Length < minLength)
        {
            throw AntomPayloadException.TooShort(PathOf(propertyName), value, minLength);
        }

        return value;
    }

    /// <summary>
    /// A string that must never appear in an error message (a card number, a CVV: <c>x-antom-sensitive</c>): read and
    /// checked as <see cref="ReadString"/> and <see cref="CheckPattern"/> do, but an error keeps only its path and rule.
    /// </summary>
    public static string ReadSensitiveString(ref AntomJsonReader reader, string? propertyName, int maxLength, int minLength = -1, System.Text.RegularExpressions.Regex? pattern = null)
    {
        try
        {
            string value = ReadString(ref reader, propertyName, maxLength, minLength);
            return pattern is null ? value : CheckPattern(value, propertyName, pattern);
        }
        catch (AntomPayloadException e)
        {
            throw Withheld(e);
        }
    }

    /// <summary>The same error without the offending value or anything derived from it: for sensitive members.</summary>
    public static AntomPayloadException Withheld(AntomPayloadException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new AntomPayloadException(error.Path!, error.Rule, $"breaks its {error.Rule} rule (the value is sensitive, so it is not shown)");
    }

    /// <summary>
    /// The error for an object in which no alternative of a draft-07 <c>anyOf</c> of <c>required</c> lists is complete
    /// (cancel: <c>paymentId</c> or <c>paymentRequestId</c>): at the first name of the first alternative, listing them all.
    /// </summary>
    public static AntomPayloadException NoneOf(string[] alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        string first = alternatives[0].Split(' ')[0];
        return new AntomPayloadException(PathOf(first), PayloadRule.Required, "is required unless another of these is given, and none is: " + string.Join(" or ", alternatives));
    }

    /// <summary>Fails unless the value is a string (null fails as a required value that is null).</summary>
    public static void ExpectString(ref AntomJsonReader reader, string? propertyName)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw NotA(ref reader, propertyName, "a string");
        }
    }

    /// <summary>The current string value, unescaped, with no rule applied (for open sets' unknown values).</summary>
    public static string GetString(ref AntomJsonReader reader, string? propertyName)
        => PayloadReading.GetString(ref reader, propertyName);

    /// <summary>A boolean, written as <c>true</c>/<c>false</c> or, as some Antom pages allow, <c>"true"</c>/<c>"false"</c>.</summary>
    public static bool ReadBoolean(ref AntomJsonReader reader, string? propertyName)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                if (reader.ValueTextEquals("true"u8))
                {
                    return true;
                }

                if (reader.ValueTextEquals("false"u8))
                {
                    return false;
                }

                throw AntomPayloadException.WrongType(PathOf(propertyName), "a boolean (true or false)", JsonTokenType.String);
            default:
                throw NotA(ref reader, propertyName, "a boolean (true or false)");
        }
    }

    /// <summary>An RFC 3339 date-time with an offset, kept with its offset.</summary>
    public static DateTimeOffset ReadDateTime(ref AntomJsonReader reader, string? propertyName)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw NotA(ref reader, propertyName, "a date-time string");
        }

        if (!reader.ValueIsEscaped && Rfc3339.TryParse(reader.ValueSpan, out DateTimeOffset fast))
        {
            return fast;
        }

        string text = GetString(ref reader, propertyName);
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        return Rfc3339.TryParse(utf8, out DateTimeOffset parsed)
            ? parsed
            : throw AntomPayloadException.BadFormat(PathOf(propertyName), text, DateTimeRule);
    }

    /// <summary>What a date-time must be, as error messages say it.</summary>
    public const string DateTimeRule = "an RFC 3339 date-time with an offset (e.g. 2022-09-29T07:13:50-07:00)";

    /// <summary>An Amount object.</summary>
    public static Money ReadMoney(ref AntomJsonReader reader, string? propertyName)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            throw AntomPayloadException.NullNotAllowed(PathOf(propertyName));
        }

        try
        {
            return MoneyJsonConverter.ReadMoney(ref reader);
        }
        catch (AntomPayloadException error)
        {
            throw propertyName is null ? error : error.UnderProperty(propertyName);
        }
    }

    /// <summary>Any JSON value, kept byte for byte.</summary>
    public static RawJson ReadRawJson(ref AntomJsonReader reader, string? propertyName)
    {
        try
        {
            return RawJson.ReadValue(ref reader);
        }
        catch (JsonException error) when (error is not AntomPayloadException)
        {
            throw AntomPayloadException.Malformed(PathOf(propertyName), error);
        }
    }

    /// <summary>
    /// Pass-through JSON that the schema says is an object (<c>x-antom-raw-json</c> with <c>"type": "object"</c>): kept
    /// byte for byte, but anything other than an object is a type error, never carried through.
    /// </summary>
    public static RawJson ReadRawJsonObject(ref AntomJsonReader reader, string? propertyName)
        => reader.TokenType == JsonTokenType.StartObject ? ReadRawJson(ref reader, propertyName) : throw NotA(ref reader, propertyName, "an object");

    /// <summary>A string that must equal the schema's <c>const</c>.</summary>
    public static void ReadConst(ref AntomJsonReader reader, string? propertyName, ReadOnlySpan<byte> expectedUtf8, string expected)
    {
        ExpectString(ref reader, propertyName);
        if (!reader.ValueTextEquals(expectedUtf8))
        {
            throw AntomPayloadException.NotConst(PathOf(propertyName), GetString(ref reader, propertyName), expected);
        }
    }

    /// <summary>The reader is on the first token of an array; anything else is a type error (null: a required value that is null).</summary>
    public static void ExpectArray(ref AntomJsonReader reader, string? propertyName)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw NotA(ref reader, propertyName, "an array");
        }
    }

    /// <summary>The error for input that ends inside the value of <paramref name="propertyName"/> (null: the object itself).</summary>
    public static AntomPayloadException EndOfInput(string? propertyName)
        => new(PathOf(propertyName), PayloadRule.Syntax, "is not well-formed JSON: the input ends before the value does");

    /// <summary>The error for malformed JSON met while reading <paramref name="propertyName"/> (null: the object itself).</summary>
    public static AntomPayloadException Malformed(string? propertyName, JsonException readerError)
        => AntomPayloadException.Malformed(PathOf(propertyName), readerError);

    /// <summary>The error for text the reader cannot decode (invalid UTF-8, a lone surrogate escape) in <paramref name="propertyName"/>.</summary>
    public static AntomPayloadException InvalidText(string? propertyName, InvalidOperationException readerError)
        => new(PathOf(propertyName), PayloadRule.Syntax, "is not valid text: " + readerError?.Message, readerError);

    /// <summary>The error for a property that appears twice.</summary>
    public static AntomPayloadException Duplicate(string propertyName) => AntomPayloadException.Duplicate(PathOf(propertyName));

    /// <summary>The error for a required property that is missing.</summary>
    public static AntomPayloadException Missing(string propertyName) => AntomPayloadException.Missing(PathOf(propertyName));

    /// <summary>The error for a required property that is null.</summary>
    public static AntomPayloadException Null(string? propertyName) => AntomPayloadException.NullNotAllowed(PathOf(propertyName));

    /// <summary>The error for a string that is not a member of a closed enum.</summary>
    public static AntomPayloadException NotInEnum(ref AntomJsonReader reader, string? propertyName, string allowed)
        => AntomPayloadException.NotInEnum(PathOf(propertyName), GetString(ref reader, propertyName), allowed);

    /// <summary>The error for a string longer than its schema allows.</summary>
    public static AntomPayloadException TooLong(string? propertyName, string value, int maxLength)
        => AntomPayloadException.TooLong(PathOf(propertyName), value, maxLength);

    /// <summary>An error from a nested object's reader, re-rooted under the property that holds it.</summary>
    public static AntomPayloadException Under(AntomPayloadException error, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.UnderProperty(propertyName);
    }

    /// <summary>An error from an array element's reader, re-rooted under the element and the property that holds the array.</summary>
    public static AntomPayloadException Under(AntomPayloadException error, string propertyName, int index)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.UnderIndex(index).UnderProperty(propertyName);
    }

    /// <summary>
    /// An error from the reader of an array element that reports itself at the array's property (<c>$.items</c>),
    /// moved to the element (<c>$.items[2]</c>); errors already rooted at the element are re-rooted normally.
    /// </summary>
    public static AntomPayloadException AtIndex(AntomPayloadException error, string? propertyName, int index)
    {
        ArgumentNullException.ThrowIfNull(error);
        string arrayPath = PathOf(propertyName);
        string path = error.Path!;
        if (path.StartsWith(arrayPath, StringComparison.Ordinal))
        {
            string rest = path[arrayPath.Length..];
            return new AntomPayloadException(arrayPath + JsonPath.Index(index) + rest, error.Rule, error.Detail, error.InnerException);
        }

        return error;
    }

    /// <summary>The path of a property of the object being read; <see langword="null"/> stands for the value itself (<c>$</c>).</summary>
    public static string PathOf(string? propertyName) => PayloadReading.PathOf(propertyName);

    private static AntomPayloadException NotA(ref AntomJsonReader reader, string? propertyName, string expected)
        => reader.TokenType == JsonTokenType.Null
            ? AntomPayloadException.NullNotAllowed(PathOf(propertyName))
            : AntomPayloadException.WrongType(PathOf(propertyName), expected, reader.TokenType);
}
