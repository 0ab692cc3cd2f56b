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
    }

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
