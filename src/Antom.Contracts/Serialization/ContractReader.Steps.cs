using System;
using System.Text.Json;

namespace Antom.Contracts.Serialization;

/// <content>The steps a generated property <c>case</c> is made of: enter the property, then read its value.</content>
public static partial class ContractReader
{
    /// <summary>
    /// Enters a property the reader is on: refuses a second occurrence (bit <paramref name="bit"/> of
    /// <paramref name="seen"/>), moves to its value, and returns its name (the generated reader's <c>current</c>).
    /// </summary>
    public static string Enter(ref AntomJsonReader reader, ref ulong seen, int bit, string propertyName)
    {
        ulong mask = 1UL << bit;
        if ((seen & mask) != 0)
        {
            throw Duplicate(propertyName);
        }

        seen |= mask;
        PayloadReading.Read(ref reader, propertyName); // a malformed or missing value is reported at the property
        return propertyName;
    }

    /// <summary>
    /// Enters the property the reader is on, whose name the generated reader has already matched and set as its
    /// <c>current</c> (so a malformed value is reported there by the reader's one handler): refuses a second occurrence
    /// (the bit of <paramref name="mask"/> in <paramref name="seen"/>) and moves to its value. Inlined; nothing allocated.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void EnterValue(ref AntomJsonReader reader, ref ulong seen, ulong mask, string propertyName)
    {
        if ((seen & mask) != 0)
        {
            ThrowDuplicate(propertyName);
        }

        seen |= mask;
        if (!reader.ReadPropertyValue())
        {
            ThrowEndOfInput(propertyName);
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowDuplicate(string propertyName) => throw Duplicate(propertyName);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowEndOfInput(string? propertyName) => throw EndOfInput(propertyName);

    /// <summary>Moves to the next property name of the object being read; false at its end.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool NextProperty(ref AntomJsonReader reader)
    {
        if (reader.TryReadNextPropertyName(out bool isName))
        {
            return isName;
        }

        if (!reader.Read())
        {
            ThrowEndOfInput(null);
        }

        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Whether the value is JSON <c>null</c>: for an optional member, the same as absent.</summary>
    public static bool IsNull(ref AntomJsonReader reader) => reader.TokenType == JsonTokenType.Null;

    /// <summary>
    /// Refuses an object that lacks a required property: <paramref name="required"/> are the bits of the required
    /// properties among those <paramref name="seen"/>, and <paramref name="names"/> the JSON names by bit.
    /// </summary>
    public static void RequireAll(ulong seen, ulong required, ReadOnlySpan<string> names)
    {
        ulong missing = required & ~seen;
        if (missing != 0)
        {
            throw Missing(names[System.Numerics.BitOperations.TrailingZeroCount(missing)]);
        }
    }

    /// <summary>A value of a generated open set: a known one allocates nothing.</summary>
    public static T ReadOpenSet<T>(ref AntomJsonReader reader, string? propertyName)
        where T : struct, IOpenSet<T>
        => T.Table.Read(ref reader, propertyName);

    /// <summary>A nested object (null is an error), with errors re-rooted under the property that holds it.</summary>
    public static T ReadObject<T>(ref AntomJsonReader reader, string propertyName)
        where T : IAntomJsonContract<T>
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            throw Null(propertyName);
        }

        try
        {
            return T.ReadJson(ref reader);
        }
        catch (AntomPayloadException e)
        {
            throw Under(e, propertyName);
        }
    }

    /// <summary>An array of nested objects; a null element, or an error inside one, is reported at its index.</summary>
    public static ValueList<T> ReadObjects<T>(ref AntomJsonReader reader, string propertyName, int minItems = -1, int maxItems = -1)
        where T : IAntomJsonContract<T>
    {
        ExpectArray(ref reader, propertyName);
        var list = new ValueListBuilder<T>();
        while (NextElement(ref reader, propertyName, list.Count))
        {
            try
            {
                list.Add(T.ReadJson(ref reader));
            }
            catch (AntomPayloadException e)
            {
                throw Under(e, propertyName, list.Count);
            }
        }

        return CheckCount(list.ToValueList(), propertyName, minItems, maxItems);
    }

    /// <summary>An array of plain values, each read by <paramref name="read"/>; errors are reported at the element's index.</summary>
    public static ValueList<T> ReadArray<T>(ref AntomJsonReader reader, string propertyName, ElementReader<T> read, int minItems = -1, int maxItems = -1)
    {
        ArgumentNullException.ThrowIfNull(read);
        ExpectArray(ref reader, propertyName);
        var list = new ValueListBuilder<T>();
        while (NextElement(ref reader, propertyName, list.Count))
        {
            try
            {
                list.Add(read(ref reader, propertyName));
            }
            catch (AntomPayloadException e)
            {
                throw AtIndex(e, propertyName, list.Count);
            }
        }

        return CheckCount(list.ToValueList(), propertyName, minItems, maxItems);
    }

    internal static ValueList<T> CheckCount<T>(ValueList<T> list, string propertyName, int minItems, int maxItems)
        => list.Count < minItems || (maxItems >= 0 && list.Count > maxItems)
            ? throw AntomPayloadException.ItemCount(PathOf(propertyName), list.Count, minItems, maxItems)
            : list;

    // Moves to the next element: false at the array's end; a null element is an error at its index.
    private static bool NextElement(ref AntomJsonReader reader, string propertyName, int index)
    {
        if (!reader.Read())
        {
            throw EndOfInput(propertyName);
        }

        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return false;
        }

        return reader.TokenType != JsonTokenType.Null
            ? true
            : throw AtIndex(Null(propertyName), propertyName, index);
    }
}
