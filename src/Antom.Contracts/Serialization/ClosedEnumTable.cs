using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Antom.Contracts.Serialization;

/// <summary>
/// Everything about a generated closed enum that is not its members: the wire value of each member (members are
/// numbered from 1 in schema order), how to read, check and write one. One instance per enum, made by generated code.
/// </summary>
/// <typeparam name="TEnum">The generated enum (int-backed, members 1..n).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ClosedEnumTable<TEnum>
    where TEnum : struct, Enum
{
    private readonly byte[][] _utf8;
    private readonly JsonEncodedText[] _encoded;
    private readonly int[][] _byLength; // the indexes of the wire values of each UTF-8 length

    /// <summary>Creates the table of <paramref name="typeName"/> from its wire values, in member order.</summary>
    public ClosedEnumTable(string typeName, params string[] wireValues)
    {
        ArgumentNullException.ThrowIfNull(wireValues);
        if (Unsafe.SizeOf<TEnum>() != sizeof(int))
        {
            throw new InvalidOperationException($"{typeof(TEnum).Name} must be int-backed.");
        }

        TypeName = typeName;
        WireValues = wireValues;
        _utf8 = Array.ConvertAll(wireValues, System.Text.Encoding.UTF8.GetBytes);
        _encoded = Array.ConvertAll(wireValues, v => JsonEncodedText.Encode(v));
        _byLength = Utf8ByLength.Index(_utf8);
        AllowedValues = string.Join(", ", wireValues);
    }

    /// <summary>The enum's name, for messages.</summary>
    public string TypeName { get; }

    /// <summary>The wire values, in member order (member <c>i + 1</c> is <c>WireValues[i]</c>).</summary>
    public string[] WireValues { get; }

    /// <summary>The wire values as error messages list them.</summary>
    public string AllowedValues { get; }

    /// <summary>Whether <paramref name="value"/> is a member (<c>default</c> is not: members start at 1).</summary>
    public bool IsDefined(TEnum value) => (uint)(Unsafe.As<TEnum, int>(ref value) - 1) < (uint)WireValues.Length;

    /// <summary>Reads a member from its wire string; any other value (or a missing one) is an error, never a default.</summary>
    public TEnum Read(ref AntomJsonReader reader, string? propertyName)
    {
        ContractReader.ExpectString(ref reader, propertyName);
        if (!reader.ValueIsEscaped)
        {
            ReadOnlySpan<byte> span = reader.ValueSpan;
            if ((uint)span.Length < (uint)_byLength.Length)
            {
                foreach (int i in _byLength[span.Length])
                {
                    if (span.SequenceEqual(_utf8[i]))
                    {
                        int member = i + 1;
                        return Unsafe.As<int, TEnum>(ref member);
                    }
                }
            }
        }
        else
        {
            for (int i = 0; i < _utf8.Length; i++)
            {
                if (reader.ValueTextEquals(_utf8[i]))
                {
                    int member = i + 1;
                    return Unsafe.As<int, TEnum>(ref member);
                }
            }
        }

        throw ContractReader.NotInEnum(ref reader, propertyName, AllowedValues);
    }

    /// <summary>Validation: fails unless <paramref name="value"/> is a member.</summary>
    public void Check(TEnum value, string? propertyName)
    {
        if (!IsDefined(value))
        {
            ThrowNotInEnum(Unsafe.As<TEnum, int>(ref value), propertyName);
        }
    }

    // Out of line, so that Check itself is small enough to be inlined into the generated validation.
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowNotInEnum(int value, string? propertyName)
        => throw ContractWriter.NotInEnum(propertyName, value.ToString(System.Globalization.CultureInfo.InvariantCulture), AllowedValues);

    /// <summary>The wire value of a member.</summary>
    /// <exception cref="AntomPayloadException">It is not a member.</exception>
    public string ToWireValue(TEnum value) => Encoded(value).Value;

    /// <summary>The pre-encoded wire value of a member.</summary>
    /// <exception cref="AntomPayloadException">It is not a member.</exception>
    public JsonEncodedText Encoded(TEnum value)
    {
        Check(value, null);
        return _encoded[Unsafe.As<TEnum, int>(ref value) - 1];
    }
}
