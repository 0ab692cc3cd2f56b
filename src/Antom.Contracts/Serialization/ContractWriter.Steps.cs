using System;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Antom.Contracts.Serialization;

/// <content>
/// The steps a generated <c>ValidateCore</c> and <c>WriteCore</c> are made of: one call per property. The
/// <c>IfPresent</c> writers omit an absent optional member; validation runs before any byte is written.
/// </content>
public static partial class ContractWriter
{
    // ---- validation -------------------------------------------------------------------------------------------------

    /// <summary>Validation of a string: present when <paramref name="required"/>, within <paramref name="maxLength"/> and <paramref name="minLength"/> (-1: none), matching <paramref name="pattern"/>.</summary>
    public static void CheckString(string? value, string propertyName, bool required, int maxLength = -1, Regex? pattern = null, int minLength = -1, string? format = null)
    {
        if (!IsPresent(value, propertyName, required))
        {
            return;
        }

        if (maxLength >= 0)
        {
            CheckLength(value, propertyName, maxLength);
        }

        if (value.Length < minLength)
        {
            throw AntomPayloadException.TooShort(JsonPath.OfProperty(propertyName), value, minLength);
        }

        if (pattern is not null)
        {
            CheckPattern(value, propertyName, pattern);
        }

        if (format is not null)
        {
            ContractReader.CheckFormat(value, propertyName, format);
        }
    }

    /// <summary>Validation of a sensitive string (<c>x-antom-sensitive</c>): as <see cref="CheckString"/>, but an error never shows the value.</summary>
    public static void CheckSensitiveString(string? value, string propertyName, bool required, int maxLength = -1, Regex? pattern = null, int minLength = -1)
    {
        try
        {
            CheckString(value, propertyName, required, maxLength, pattern, minLength);
        }
        catch (AntomPayloadException e)
        {
            throw ContractReader.Withheld(e);
        }
    }

    /// <summary>Validation of a number (an integer converts exactly): when present, within the schema's bounds (null: no bound).</summary>
    public static void CheckRange(decimal? value, string propertyName, decimal? minimum = null, decimal? maximum = null, decimal? exclusiveMinimum = null, decimal? exclusiveMaximum = null)
    {
        if (value is { } number)
        {
            ContractReader.CheckBounds(number, propertyName, minimum, maximum, exclusiveMinimum, exclusiveMaximum);
        }
    }

    /// <summary>Validation of an optional amount: when present, it has a currency.</summary>
    public static void CheckMoney(Money? value, string propertyName)
    {
        if (value is { } money)
        {
            CheckMoney(money, propertyName);
        }
    }

    /// <summary>Validation of a required reference (raw JSON, say): present.</summary>
    public static void CheckPresent(object? value, string propertyName) => RequireNotNull(value, propertyName);

    /// <summary>Validation of pass-through JSON the schema says is an object: when present (or required), an object.</summary>
    public static void CheckRawJsonObject(RawJson? value, string propertyName, bool required)
    {
        if (IsPresent(value, propertyName, required) && !value.Utf8.TrimStart(" \t\r\n"u8).StartsWith("{"u8))
        {
            throw new AntomPayloadException(JsonPath.OfProperty(propertyName), PayloadRule.Type, "must be a JSON object, and this raw JSON is not one");
        }
    }

    /// <summary>Validation of a closed enum: a member.</summary>
    public static void CheckEnum<TEnum>(TEnum value, string propertyName, ClosedEnumTable<TEnum> table)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Check(value, propertyName);
    }

    /// <summary>Validation of an optional closed enum: when present, a member.</summary>
    public static void CheckEnum<TEnum>(TEnum? value, string propertyName, ClosedEnumTable<TEnum> table)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(table);
        if (value is { } member)
        {
            table.Check(member, propertyName);
        }
    }

    /// <summary>Validation of an open set: set, within its length.</summary>
    public static void CheckOpenSet<T>(T value, string propertyName)
        where T : struct, IOpenSet<T>
        => T.Table.Check(value, propertyName);

    /// <summary>Validation of an optional open set: when present, set and within its length.</summary>
    public static void CheckOpenSet<T>(T? value, string propertyName)
        where T : struct, IOpenSet<T>
    {
        if (value is { } set)
        {
            T.Table.Check(set, propertyName);
        }
    }

    /// <summary>Validation of a nested object: present when <paramref name="required"/>, and valid, with errors under the property.</summary>
    public static void CheckObject<T>(T? value, string propertyName, bool required)
        where T : class, IAntomJsonContract<T>
        => CheckObject(value, propertyName, required, static v => T.Validate(v));

    /// <summary>
    /// Validation of a nested object by <paramref name="validate"/> (a generated converter's own check, called without
    /// the shared-generic dispatch of <see cref="IAntomJsonContract{TSelf}"/>): present when <paramref name="required"/>,
    /// and valid, with errors under the property.
    /// </summary>
    public static void CheckObject<T>(T? value, string propertyName, bool required, Action<T> validate)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(validate);
        if (!IsPresent(value, propertyName, required))
        {
            return;
        }

        try
        {
            validate(value);
        }
        catch (AntomPayloadException e)
        {
            throw ContractReader.Under(e, propertyName);
        }
    }

    /// <summary>Validation of an array of objects: present when <paramref name="required"/>; no null element; each valid, with errors at its index.</summary>
    public static void CheckObjects<T>(ValueList<T>? value, string propertyName, bool required, int minItems = -1, int maxItems = -1)
        where T : class, IAntomJsonContract<T>
        => CheckObjectsBy(value, propertyName, required, static v => T.Validate(v), minItems, maxItems);

    /// <summary>
    /// Validation of an array of objects, each by <paramref name="validate"/>: present when <paramref name="required"/>;
    /// <c>minItems</c> and <c>maxItems</c> (-1: none); no null element; each valid, with errors at its index.
    /// </summary>
    public static void CheckObjectsBy<T>(ValueList<T>? value, string propertyName, bool required, Action<T> validate, int minItems, int maxItems)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(validate);
        if (!IsPresent(value, propertyName, required))
        {
            return;
        }

        ContractReader.CheckCount(value, propertyName, minItems, maxItems);

        for (int i = 0; i < value.Count; i++)
        {
            RequireElement(value[i], propertyName, i);
            try
            {
                validate(value[i]);
            }
            catch (AntomPayloadException e)
            {
                throw ContractReader.Under(e, propertyName, i);
            }
        }
    }

    /// <summary>Validation of an array of plain values: present when <paramref name="required"/>; no null element; each checked by <paramref name="check"/> (null: nothing to check), with errors at its index.</summary>
    public static void CheckArray<T>(ValueList<T>? value, string propertyName, bool required, ElementCheck<T>? check, int minItems = -1, int maxItems = -1)
    {
        if (!IsPresent(value, propertyName, required))
        {
            return;
        }

        ContractReader.CheckCount(value, propertyName, minItems, maxItems);

        for (int i = 0; i < value.Count; i++)
        {
            T element = value[i];
            if (element is null)
            {
                RequireElement(null, propertyName, i);
            }

            if (check is null)
            {
                continue;
            }

            try
            {
                check(element, propertyName);
            }
            catch (AntomPayloadException e)
            {
                throw ContractReader.AtIndex(e, propertyName, i);
            }
        }
    }

    /// <summary>Validation of a map: present when <paramref name="required"/>; no null value; each checked by <paramref name="check"/>, with errors at its key.</summary>
    public static void CheckMap<T>(ValueMap<T>? value, string propertyName, bool required, ElementCheck<T>? check)
    {
        if (!IsPresent(value, propertyName, required))
        {
            return;
        }

        foreach (System.Collections.Generic.KeyValuePair<string, T> entry in value)
        {
            if (entry.Value is null)
            {
                throw AntomPayloadException.NullNotAllowed(JsonPath.OfProperty(propertyName) + JsonPath.Property(entry.Key));
            }

            try
            {
                check?.Invoke(entry.Value, entry.Key);
            }
            catch (AntomPayloadException e)
            {
                throw e.UnderProperty(propertyName);
            }
        }
    }

    /// <summary>Writes a map, each value by <paramref name="write"/>, in its order; nothing when absent.</summary>
    public static void WriteMap<T>(ContractJsonWriter writer, JsonEncodedText propertyName, ValueMap<T>? value, ElementWriter<T> write)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(write);
        if (value is null)
        {
            return;
        }

        writer.WritePropertyName(propertyName);
        writer.WriteStartObject();
        foreach (System.Collections.Generic.KeyValuePair<string, T> entry in value)
        {
            writer.WritePropertyName(entry.Key);
            write(writer, entry.Value);
        }

        writer.WriteEndObject();
    }

    private static bool IsPresent([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] object? value, string propertyName, bool required)
    {
        if (value is not null)
        {
            return true;
        }

        return required ? throw AntomPayloadException.Missing(JsonPath.OfProperty(propertyName)) : false;
    }

    // ---- writing ----------------------------------------------------------------------------------------------------

    /// <summary>Writes an optional string; nothing when absent.</summary>
    public static void WriteIfPresent(ContractJsonWriter writer, JsonEncodedText propertyName, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(propertyName, value);
        }
    }

    /// <summary>Writes an optional integer; nothing when absent.</summary>
    public static void WriteIfPresent(ContractJsonWriter writer, JsonEncodedText propertyName, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(propertyName, number);
        }
    }

    /// <summary>Writes an optional number exactly (its scale kept: 1.50 stays 1.50); nothing when absent.</summary>
    public static void WriteIfPresent(ContractJsonWriter writer, JsonEncodedText propertyName, decimal? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(propertyName, number);
        }
    }

    /// <summary>Writes an optional boolean (<c>false</c> is written, never dropped); nothing when absent.</summary>
    public static void WriteIfPresent(ContractJsonWriter writer, JsonEncodedText propertyName, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(propertyName, flag);
        }
    }

    /// <summary>Writes an optional date-time; nothing when absent.</summary>
    public static void WriteIfPresent(ContractJsonWriter writer, JsonEncodedText propertyName, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            WriteDateTime(writer, propertyName, time);
        }
    }

    /// <summary>Writes an optional amount; nothing when absent.</summary>
    public static void WriteIfPresent(ContractJsonWriter writer, JsonEncodedText propertyName, Money? value)
    {
        if (value is { } money)
        {
            WriteMoney(writer, propertyName, money);
        }
    }

    /// <summary>Writes optional raw JSON unchanged; nothing when absent.</summary>
    public static void WriteIfPresent(ContractJsonWriter writer, JsonEncodedText propertyName, RawJson? value)
    {
        if (value is not null)
        {
            WriteRawJson(writer, propertyName, value);
        }
    }

    /// <summary>Writes a closed enum member as its wire value.</summary>
    public static void WriteEnum<TEnum>(ContractJsonWriter writer, JsonEncodedText propertyName, TEnum value, ClosedEnumTable<TEnum> table)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        writer.WriteString(propertyName, table.Encoded(value));
    }

    /// <summary>Writes an optional closed enum member; nothing when absent.</summary>
    public static void WriteEnumIfPresent<TEnum>(ContractJsonWriter writer, JsonEncodedText propertyName, TEnum? value, ClosedEnumTable<TEnum> table)
        where TEnum : struct, Enum
    {
        if (value is { } member)
        {
            WriteEnum(writer, propertyName, member, table);
        }
    }

    /// <summary>Writes an open-set value; a known one pre-encoded.</summary>
    public static void WriteOpenSet<T>(ContractJsonWriter writer, JsonEncodedText propertyName, T value)
        where T : struct, IOpenSet<T>
        => T.Table.Write(writer, propertyName, value);

    /// <summary>Writes an open-set value as an array element.</summary>
    public static void WriteOpenSetValue<T>(ContractJsonWriter writer, T value)
        where T : struct, IOpenSet<T>
        => T.Table.WriteValue(writer, value);

    /// <summary>Writes an optional open-set value; nothing when absent.</summary>
    public static void WriteOpenSetIfPresent<T>(ContractJsonWriter writer, JsonEncodedText propertyName, T? value)
        where T : struct, IOpenSet<T>
    {
        if (value is { } set)
        {
            T.Table.Write(writer, propertyName, set);
        }
    }

    /// <summary>Writes a nested object.</summary>
    public static void WriteObject<T>(ContractJsonWriter writer, JsonEncodedText propertyName, T value)
        where T : IAntomJsonContract<T>
        => WriteObject(writer, propertyName, value, static (w, v) => T.WriteJson(w, v));

    /// <summary>Writes a nested object by <paramref name="write"/> (a generated converter's own writer).</summary>
    public static void WriteObject<T>(ContractJsonWriter writer, JsonEncodedText propertyName, T value, ElementWriter<T> write)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(write);
        writer.WritePropertyName(propertyName);
        write(writer, value);
    }

    /// <summary>Writes a nested object as a map value or array element.</summary>
    public static void WriteObjectValue<T>(ContractJsonWriter writer, T value)
        where T : IAntomJsonContract<T>
        => T.WriteJson(writer, value);

    /// <summary>Writes an optional nested object; nothing when absent.</summary>
    public static void WriteObjectIfPresent<T>(ContractJsonWriter writer, JsonEncodedText propertyName, T? value)
        where T : class, IAntomJsonContract<T>
        => WriteObjectIfPresent(writer, propertyName, value, static (w, v) => T.WriteJson(w, v));

    /// <summary>Writes an optional nested object by <paramref name="write"/>; nothing when absent.</summary>
    public static void WriteObjectIfPresent<T>(ContractJsonWriter writer, JsonEncodedText propertyName, T? value, ElementWriter<T> write)
        where T : class
    {
        if (value is not null)
        {
            WriteObject(writer, propertyName, value, write);
        }
    }

    /// <summary>Writes an array of objects; nothing when absent.</summary>
    public static void WriteObjects<T>(ContractJsonWriter writer, JsonEncodedText propertyName, ValueList<T>? value)
        where T : IAntomJsonContract<T>
        => WriteArray(writer, propertyName, value, static (w, v) => T.WriteJson(w, v));

    /// <summary>Writes an array of plain values, each by <paramref name="write"/>; nothing when absent.</summary>
    public static void WriteArray<T>(ContractJsonWriter writer, JsonEncodedText propertyName, ValueList<T>? value, ElementWriter<T> write)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(write);
        if (value is null)
        {
            return;
        }

        writer.WritePropertyName(propertyName);
        writer.WriteStartArray();
        foreach (T item in value)
        {
            write(writer, item);
        }

        writer.WriteEndArray();
    }
}
