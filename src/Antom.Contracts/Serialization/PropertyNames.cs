using System;
using System.ComponentModel;
using System.Text.Json;

namespace Antom.Contracts.Serialization;

/// <summary>
/// The JSON property names of one generated record, in schema order: pre-encoded for writing, and matched on the
/// reader's raw UTF-8 bytes (by length first) for reading. One instance per record, made by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PropertyNames
{
    private readonly string[] _names;
    private readonly byte[][] _utf8;
    private readonly JsonEncodedText[] _encoded;
    private readonly int[][] _byLength; // the indexes of the names of each UTF-8 length

    // "name": as it stands in compact JSON, or empty for a name that JSON would escape (never predicted).
    private readonly byte[][] _quoted;

    // The order payloads come in, learned as they are read: _successor[k + 1] is the property that followed property k
    // (k = -1: the first) the last time. Only a prediction, checked against the bytes before it is used: threads that
    // race on it can make a guess wrong, never a result. Starts as schema order.
    private readonly int[] _successor;

    /// <summary>Creates the table from the names in schema order.</summary>
    public PropertyNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = names;
        _utf8 = Array.ConvertAll(names, System.Text.Encoding.UTF8.GetBytes);
        _encoded = Array.ConvertAll(names, n => JsonEncodedText.Encode(n));
        int longest = 0;
        foreach (byte[] name in _utf8)
        {
            longest = Math.Max(longest, name.Length);
        }

        var counts = new int[longest + 1];
        foreach (byte[] name in _utf8)
        {
            counts[name.Length]++;
        }

        _byLength = new int[longest + 1][];
        for (int length = 0; length <= longest; length++)
        {
            _byLength[length] = new int[counts[length]];
            counts[length] = 0;
        }

        for (int i = 0; i < _utf8.Length; i++)
        {
            int length = _utf8[i].Length;
            _byLength[length][counts[length]++] = i;
        }

        _quoted = Array.ConvertAll(_utf8, Quoted);
        _successor = new int[names.Length + 1];
        for (int k = 0; k < _successor.Length; k++)
        {
            _successor[k] = k < names.Length ? k : -1;
        }
    }

    // "name": for a name whose UTF-8 bytes stand in JSON as they are (no quote, backslash or control character).
    private static byte[] Quoted(byte[] utf8)
    {
        foreach (byte b in utf8)
        {
            if (b is (byte)'"' or (byte)'\\' or < 0x20)
            {
                return [];
            }
        }

        byte[] quoted = new byte[utf8.Length + 3];
        quoted[0] = (byte)'"';
        utf8.CopyTo(quoted, 1);
        quoted[^2] = (byte)'"';
        quoted[^1] = (byte)':';
        return quoted;
    }

    /// <summary>The property expected after property <paramref name="last"/> (-1: at the object's start), or -1.</summary>
    internal int Expected(int last) => _successor[last + 1];

    /// <summary><c>"name":</c> of property <paramref name="index"/>, or empty when it is never predicted.</summary>
    internal ReadOnlySpan<byte> QuotedNameColon(int index) => _quoted[index];

    /// <summary>Learns that property <paramref name="index"/> came after <paramref name="last"/>.</summary>
    internal void Learn(int last, int index) => _successor[last + 1] = index;

    /// <summary>The names, in schema order (for <see cref="ContractReader.RequireAll"/>).</summary>
    public ReadOnlySpan<string> Json => _names;

    /// <summary>The pre-encoded name of property <paramref name="index"/>.</summary>
    public JsonEncodedText this[int index] => _encoded[index];

    /// <summary>The index of the property name the reader is on, or -1 for a name the record does not know.</summary>
    public int Match(ref AntomJsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            for (int i = 0; i < _utf8.Length; i++)
            {
                if (reader.ValueTextEquals(_utf8[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        ReadOnlySpan<byte> name = reader.ValueSpan;
        if (name.Length >= _byLength.Length)
        {
            return -1;
        }

        foreach (int i in _byLength[name.Length])
        {
            if (name.SequenceEqual(_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
