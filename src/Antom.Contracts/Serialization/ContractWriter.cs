using System;
using System.ComponentModel;
using System.Text.Json;

namespace Antom.Contracts.Serialization;

/// <summary>
/// The writing and validating steps generated writers are made of. Public for generated code in consumers'
/// assemblies; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class ContractWriter
{
    /// <summary>Writes a date-time as RFC 3339: offset kept, no fraction unless there is one.</summary>
    public static void WriteDateTime(ContractJsonWriter writer, JsonEncodedText propertyName, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(propertyName);
        WriteDateTimeValue(writer, value);
    }

    /// <summary>Writes a date-time array element.</summary>
    public static void WriteDateTimeValue(ContractJsonWriter writer, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // Digits, '-', ':', 'T', '.', 'Z' and '+' need no escaping; written as they are, so that '+' stays '+' (an
        // encoder would write \u002B) and the offset reads back exactly as Antom wrote it.
        Span<byte> buffer = writer.BeginValue(Rfc3339.MaxFormattedLength + 2);
        buffer[0] = (byte)'"';
        int length = Rfc3339.Format(value, buffer[1..]);
        buffer[length + 1] = (byte)'"';
        writer.EndValue(length + 2);
    }

    /// <summary>Writes a raw JSON array element unchanged.</summary>
    public static void WriteRawJsonValue(ContractJsonWriter writer, RawJson value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteRawValue(value.Utf8);
    }

    /// <summary>Writes an Amount object.</summary>
    public static void WriteMoney(ContractJsonWriter writer, JsonEncodedText propertyName, Money value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(propertyName);
        WriteMoneyValue(writer, value);
    }

    /// <summary>Writes an Amount object as an array element or map value: <c>{"currency":"BRL","value":"6000"}</c> in one write.</summary>
    /// <exception cref="AntomPayloadException"><paramref name="value"/> is <c>default(Money)</c>, which has no currency.</exception>
    public static void WriteMoneyValue(ContractJsonWriter writer, Money value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Money.ThrowIfNoCurrency(value, MoneyJsonConverter.CurrencyPath);
        Span<byte> buffer = writer.BeginValue(MoneyJsonConverter.MaxCompactLength);
        writer.EndValue(MoneyJsonConverter.FormatCompact(value, buffer));
    }

    /// <summary>Writes raw JSON unchanged.</summary>
    public static void WriteRawJson(ContractJsonWriter writer, JsonEncodedText propertyName, RawJson value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WritePropertyName(propertyName);
        writer.WriteRawValue(value.Utf8);
    }

    /// <summary>
    /// Writes a value that was validated onto a caller's <see cref="Utf8JsonWriter"/> (a <c>JsonConverter</c>'s
    /// <c>Write</c>): by <paramref name="write"/> with a <see cref="ContractJsonWriter"/>, then as one raw value. The
    /// value is compact even when <paramref name="writer"/> indents: the writer lays out only what is around it.
    /// </summary>
    public static void WriteJson<T>(Utf8JsonWriter writer, T value, ElementWriter<T> write)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(write);
        ContractJsonWriter json = ContractJsonWriter.Rent();
        try
        {
            write(json, value);
            writer.WriteRawValue(json.WrittenSpan, skipInputValidation: true);
        }
        finally
        {
            ContractJsonWriter.Return(json);
        }
    }

    /// <summary>Validation: a required reference is not null.</summary>
    public static void RequireNotNull(object? value, string propertyName)
    {
        if (value is null)
        {
            throw AntomPayloadException.Missing(JsonPath.OfProperty(propertyName));
        }
    }

    /// <summary>Validation: a string is within its <c>maxLength</c>.</summary>
    public static void CheckLength(string? value, string propertyName, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            throw AntomPayloadException.TooLong(JsonPath.OfProperty(propertyName), value, maxLength);
        }
    }

    /// <summary>Validation: an amount has a currency (<c>default(Money)</c> has none).</summary>
    public static void CheckMoney(Money value, string propertyName)
    {
        if (value.Currency.IsDefault)
        {
            // The path is built only for the error: validation of a valid value allocates nothing.
            Money.ThrowIfNoCurrency(value, JsonPath.OfProperty(propertyName) + JsonPath.Property("currency"));
        }
    }

    /// <summary>Validation: a string matches the schema's <c>pattern</c>.</summary>
    public static void CheckPattern(string? value, string propertyName, System.Text.RegularExpressions.Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (value is not null && !ContractReader.Matches(pattern, value, propertyName))
        {
            throw AntomPayloadException.PatternMismatch(JsonPath.OfProperty(propertyName), value, "a match of the pattern " + pattern);
        }
    }

    /// <summary>Validation: an enum value is one of the enum's members.</summary>
    public static AntomPayloadException NotInEnum(string? propertyName, string value, string allowed)
        => AntomPayloadException.NotInEnum(ContractReader.PathOf(propertyName), value, allowed);

    /// <summary>Validation: an element of an array is not null.</summary>
    public static void RequireElement(object? value, string propertyName, int index)
    {
        if (value is null)
        {
            throw AntomPayloadException.NullNotAllowed(JsonPath.OfProperty(propertyName) + JsonPath.Index(index));
        }
    }
}
