using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Antom.Contracts;

/// <summary>
/// The one error every reader and writer of this library throws for a payload that breaks its contract.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="JsonException.Path"/> is never null here: it is the JSON path of the offending value, always starting at <c>$</c>
/// (<c>$.captureAmount.value</c>, <c>$.transactions[2].transactionResult.resultStatus</c>); for a missing property it is the
/// path the property would have had. <see cref="Exception.Message"/> is that path, a colon, and <see cref="Detail"/>:
/// </para>
/// <code>$.captureAmount.value: "1.10" is not an amount in minor units (digits only, at most 16)</code>
/// <para>
/// Offending values are quoted JSON-escaped and cut to <see cref="MaxQuotedLength"/> characters, so a hostile payload
/// cannot turn an error message into a copy of itself.
/// </para>
/// </remarks>
public sealed class AntomPayloadException : JsonException
{
    /// <summary>How many characters of an offending value an error message quotes at most.</summary>
    public const int MaxQuotedLength = 64;

    /// <summary>Creates the error for the value at <paramref name="path"/>.</summary>
    /// <param name="path">The JSON path of the offending value, starting at <c>$</c>.</param>
    /// <param name="rule">The rule that broke.</param>
    /// <param name="detail">What is wrong, without the path: <c>"1.10" is not an amount in minor units (digits only, at most 16)</c>.</param>
    /// <param name="innerException">The lower-level error, if any (a reader's syntax error).</param>
    public AntomPayloadException(string path, PayloadRule rule, string detail, Exception? innerException = null)
        : base(Compose(path, detail), path, lineNumber: null, bytePositionInLine: null, innerException)
    {
        Rule = rule;
        Detail = detail;
    }

    /// <summary>The rule that broke.</summary>
    public PayloadRule Rule { get; }

    /// <summary>What is wrong, without the path.</summary>
    public string Detail { get; }

    /// <summary>
    /// The same error, seen from the object that holds the failing value under <paramref name="propertyName"/>:
    /// <c>$.value</c> becomes <c>$.captureAmount.value</c>. Readers of nested objects use it so that the path is rooted at the payload.
    /// </summary>
    public AntomPayloadException UnderProperty(string propertyName)
        => new(JsonPath.Prepend(JsonPath.Property(propertyName), Path!), Rule, Detail, InnerException);

    /// <summary>The same error, seen from the array that holds the failing value at <paramref name="index"/>.</summary>
    public AntomPayloadException UnderIndex(int index)
        => new(JsonPath.Prepend(JsonPath.Index(index), Path!), Rule, Detail, InnerException);

    /// <summary>A required property is missing.</summary>
    public static AntomPayloadException Missing(string path)
        => new(path, PayloadRule.Required, "is required but missing");

    /// <summary>A required property is <c>null</c>.</summary>
    public static AntomPayloadException NullNotAllowed(string path)
        => new(path, PayloadRule.Required, "is required but null");

    /// <summary>A value has the wrong JSON type.</summary>
    public static AntomPayloadException WrongType(string path, string expected, JsonTokenType found)
        => new(path, PayloadRule.Type, $"expected {expected}, found {Describe(found)}");

    /// <summary>A string is longer than the schema allows.</summary>
    public static AntomPayloadException TooLong(string path, string value, int maxLength)
        => new(path, PayloadRule.MaxLength, $"{Quote(value)} ({value.Length.ToString(CultureInfo.InvariantCulture)} characters) is longer than the {maxLength.ToString(CultureInfo.InvariantCulture)} allowed");

    /// <summary>A string is shorter than the schema allows.</summary>
    public static AntomPayloadException TooShort(string path, string value, int minLength)
        => new(path, PayloadRule.MinLength, $"{Quote(value)} ({value.Length.ToString(CultureInfo.InvariantCulture)} characters) is shorter than the {minLength.ToString(CultureInfo.InvariantCulture)} required");

    /// <summary>An array has fewer or more elements than the schema allows.</summary>
    public static AntomPayloadException ItemCount(string path, int count, int minItems, int maxItems)
        => new(path, PayloadRule.ItemCount, $"has {count.ToString(CultureInfo.InvariantCulture)} elements; "
            + (maxItems < 0 ? $"at least {minItems.ToString(CultureInfo.InvariantCulture)} are required"
               : minItems <= 0 ? $"at most {maxItems.ToString(CultureInfo.InvariantCulture)} are allowed"
               : $"between {minItems.ToString(CultureInfo.InvariantCulture)} and {maxItems.ToString(CultureInfo.InvariantCulture)} are required"));

    /// <summary>A number is outside the schema's bounds, or cannot be held exactly.</summary>
    public static AntomPayloadException OutOfRange(string path, string value, string rule)
        => new(path, PayloadRule.Range, $"{value} is {rule}");

    /// <summary>A string does not match a pattern; <paramref name="meaning"/> says what the pattern stands for.</summary>
    public static AntomPayloadException PatternMismatch(string path, string value, string meaning)
        => new(path, PayloadRule.Pattern, $"{Quote(value)} is not {meaning}");

    /// <summary>A value is not the schema's constant.</summary>
    public static AntomPayloadException NotConst(string path, string value, string expected)
        => new(path, PayloadRule.Const, $"{Quote(value)} is not {Quote(expected)}");

    /// <summary>A value is not a member of a closed enum.</summary>
    public static AntomPayloadException NotInEnum(string path, string value, string allowed)
        => new(path, PayloadRule.Enum, $"{Quote(value)} is not one of {allowed}");

    /// <summary>A string does not have the expected format.</summary>
    public static AntomPayloadException BadFormat(string path, string value, string format)
        => new(path, PayloadRule.Format, $"{Quote(value)} is not {format}");

    /// <summary>An object names a property twice.</summary>
    public static AntomPayloadException Duplicate(string path)
        => new(path, PayloadRule.DuplicateProperty, "appears more than once in its object");

    /// <summary>The bytes are not well-formed JSON.</summary>
    public static AntomPayloadException Malformed(string path, JsonException readerError)
        => new(path, PayloadRule.Syntax, "is not well-formed JSON: " + readerError.Message, readerError);

    /// <summary>
    /// A value quoted for an error message: JSON-escaped, in double quotes, cut to <see cref="MaxQuotedLength"/> characters
    /// with the full length said when it was cut.
    /// </summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        bool cut = value.Length > MaxQuotedLength;
        ReadOnlySpan<char> shown = cut ? value.AsSpan(0, MaxQuotedLength) : value.AsSpan();
        var sb = new StringBuilder(shown.Length + 16);
        sb.Append('"');
        foreach (char c in shown)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ' || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u007f')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
        if (cut)
        {
            sb.Append("… (").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
        }

        return sb.ToString();
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.None => "the end of the input",
        _ => token.ToString(),
    };

    private static string Compose(string path, string detail)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(detail);
        return path + ": " + detail;
    }
}
