using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace Antom.Contracts.Serialization;

/// <summary>
/// The known values of a generated open set and how to read, check and write any value of it: a known value is
/// matched on its UTF-8 bytes and returned without allocating; any other string is kept. One instance per open set.
/// </summary>
/// <typeparam name="TSelf">The open set.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OpenSetTable<TSelf>
    where TSelf : struct, IOpenSet<TSelf>
{
    private readonly string[] _wireValues;
    private readonly byte[][] _utf8;
    private readonly JsonEncodedText[] _encoded;
    private readonly Dictionary<string, int> _indexOf;
    private readonly bool _knownWithinLength;
    private readonly int[][] _byLength; // the indexes of the known values of each UTF-8 length
    private readonly OpenSetEntry[] _entries; // what a generated struct holds for each known value
    private TSelf[]? _known;

    /// <summary>Creates the table of <paramref name="typeName"/>: its <c>maxLength</c> (-1: none) and its known wire values.</summary>
    public OpenSetTable(string typeName, int maxLength, params string[] wireValues)
    {
        ArgumentNullException.ThrowIfNull(wireValues);
        TypeName = typeName;
        MaxLength = maxLength;
        _wireValues = wireValues;
        _utf8 = Array.ConvertAll(wireValues, System.Text.Encoding.UTF8.GetBytes);
        _encoded = Array.ConvertAll(wireValues, v => JsonEncodedText.Encode(v));
        _knownWithinLength = maxLength < 0 || Array.TrueForAll(wireValues, v => v.Length <= maxLength);
        _byLength = Utf8ByLength.Index(_utf8);
        _entries = new OpenSetEntry[wireValues.Length];
        for (int i = 0; i < wireValues.Length; i++)
        {
            _entries[i] = new OpenSetEntry(wireValues[i], i + 1);
        }

        _indexOf = new Dictionary<string, int>(wireValues.Length, StringComparer.Ordinal);
        for (int i = 0; i < wireValues.Length; i++)
        {
            _indexOf.TryAdd(wireValues[i], i + 1);
        }
    }

    /// <summary>The open set's name, for messages.</summary>
    public string TypeName { get; }

    /// <summary>The schema's <c>maxLength</c> for any value; -1 when there is none.</summary>
    public int MaxLength { get; }

    /// <summary>Every known value, in schema order.</summary>
    public IReadOnlyList<TSelf> Known => KnownValues;

    private TSelf[] KnownValues
    {
        get
        {
            if (_known is { } known)
            {
                return known;
            }

            var made = new TSelf[_wireValues.Length];
            for (int i = 0; i < made.Length; i++)
            {
                made[i] = TSelf.Create(_wireValues[i], i + 1);
            }

            return _known = made;
        }
    }

    /// <summary>
    /// What a generated open set holds for <paramref name="wireValue"/>: the table's entry of a known value (its wire
    /// string and index in one object, so the struct is one reference wide), or the string itself for any other.
    /// </summary>
    public object StateOf(string wireValue)
    {
        ArgumentNullException.ThrowIfNull(wireValue);
        int index = IndexOf(wireValue);
        return index != 0 ? _entries[index - 1] : wireValue;
    }

    /// <summary>What a generated open set holds for known value <paramref name="knownIndex"/> (1-based).</summary>
    public object KnownState(int knownIndex) => _entries[knownIndex - 1];

    /// <summary>The wire value held in <paramref name="state"/> (see <see cref="StateOf"/>); null for <c>default</c>.</summary>
    public string? WireOf(object? state) => state is OpenSetEntry entry ? entry.WireValue : (string?)state;

    /// <summary>The 1-based known index held in <paramref name="state"/>; 0 for any other value and for <c>default</c>.</summary>
    public int KnownIndexOf(object? state) => state is OpenSetEntry entry ? entry.Index : 0;

    /// <summary>The 1-based index of a known wire value; 0 for any other.</summary>
    public int IndexOf(string wireValue) => _indexOf.TryGetValue(wireValue, out int index) ? index : 0;

    /// <summary>The known value for <paramref name="wireValue"/>, or a new one wrapping it.</summary>
    public TSelf FromWire(string wireValue)
    {
        ArgumentNullException.ThrowIfNull(wireValue);
        int index = IndexOf(wireValue);
        return index != 0 ? KnownValues[index - 1] : TSelf.Create(wireValue, 0);
    }

    /// <summary>Reads a value: a known one allocates nothing, any other is kept (within <see cref="MaxLength"/>).</summary>
    public TSelf Read(ref AntomJsonReader reader, string? propertyName)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
        {
            ReadOnlySpan<byte> span = reader.ValueSpan;
            int[][] byLength = _byLength;
            if ((uint)span.Length < (uint)byLength.Length)
            {
                foreach (int i in byLength[span.Length])
                {
                    if (span.SequenceEqual(_utf8[i]))
                    {
                        return KnownValues[i];
                    }
                }
            }
        }

        return FromWire(ContractReader.ReadString(ref reader, propertyName, MaxLength));
    }

    /// <summary>Validation: the value is set and within <see cref="MaxLength"/>.</summary>
    public void Check(TSelf value, string? propertyName)
    {
        // A known value is one of the table's own strings: set, and within the length when every known one is.
        if (value.KnownIndex == 0 || !_knownWithinLength)
        {
            CheckUnknown(value.WireValue, propertyName);
        }
    }

    private void CheckUnknown(string? wire, string? propertyName)
    {
        if (wire is null)
        {
            throw new AntomPayloadException(ContractReader.PathOf(propertyName), PayloadRule.Required, $"is required but missing: default({TypeName}) holds no value");
        }

        if (MaxLength >= 0 && wire.Length > MaxLength)
        {
            throw ContractReader.TooLong(propertyName, wire, MaxLength);
        }
    }

    /// <summary>Writes a property holding <paramref name="value"/>; a known value is written pre-encoded.</summary>
    public void Write(ContractJsonWriter writer, JsonEncodedText propertyName, TSelf value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        int known = value.KnownIndex;
        if (known != 0)
        {
            writer.WriteString(propertyName, _encoded[known - 1]);
        }
        else
        {
            writer.WriteString(propertyName, value.WireValue!);
        }
    }

    /// <summary>Writes <paramref name="value"/> as an array element.</summary>
    public void WriteValue(ContractJsonWriter writer, TSelf value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        int known = value.KnownIndex;
        if (known != 0)
        {
            writer.WriteStringValue(_encoded[known - 1]);
        }
        else
        {
            writer.WriteStringValue(value.WireValue!);
        }
    }

    /// <summary>Writes <paramref name="value"/> as a top-level value or array element on a caller's writer (a <c>JsonConverter</c>).</summary>
    public void WriteValue(Utf8JsonWriter writer, TSelf value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        int known = value.KnownIndex;
        if (known != 0)
        {
            writer.WriteStringValue(_encoded[known - 1]);
        }
        else
        {
            writer.WriteStringValue(value.WireValue);
        }
    }
}
