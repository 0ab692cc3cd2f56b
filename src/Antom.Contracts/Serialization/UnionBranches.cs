using System;
using System.ComponentModel;
using System.Text.Json;

namespace Antom.Contracts.Serialization;

/// <summary>
/// The discriminator of one generated union (a <c>oneOf</c> told apart by a <c>const</c> property): its JSON name and
/// the value of each branch, in schema order. Reading finds the discriminator wherever it sits in the object, without
/// moving the caller's reader; writing and validating dispatch on the branch's type. One instance per union, made by
/// generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class UnionBranches
{
    private readonly string _union;
    private readonly string _discriminator;
    private readonly byte[] _discriminatorUtf8;
    private readonly string[] _values;
    private readonly byte[][] _valuesUtf8;
    private readonly string _allowed;

    /// <summary>Creates the table for the union <paramref name="union"/>, discriminated by <paramref name="discriminator"/>.</summary>
    public UnionBranches(string union, string discriminator, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(union);
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentNullException.ThrowIfNull(values);
        _union = union;
        _discriminator = discriminator;
        _discriminatorUtf8 = System.Text.Encoding.UTF8.GetBytes(discriminator);
        _values = values;
        _valuesUtf8 = Array.ConvertAll(values, System.Text.Encoding.UTF8.GetBytes);
        _allowed = string.Join(", ", values);
    }

    /// <summary>
    /// The index of the branch the object at <paramref name="reader"/> (on its <c>{</c>) belongs to. The reader is a
    /// copy: the caller's stays on the <c>{</c> for the branch's own reader. A missing, null, non-string or unknown
    /// discriminator is an error at the discriminator's path.
    /// </summary>
    public int Find(AntomJsonReader reader)
    {
        ContractReader.ExpectObject(ref reader, _union);
        int depth = reader.CurrentDepth;
        while (true)
        {
            if (!reader.Read())
            {
                throw ContractReader.EndOfInput(null);
            }

            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
            {
                throw ContractReader.Missing(_discriminator);
            }

            bool isDiscriminator = reader.ValueTextEquals(_discriminatorUtf8);
            if (!reader.Read())
            {
                throw ContractReader.EndOfInput(_discriminator);
            }

            if (!isDiscriminator)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType == JsonTokenType.Null)
            {
                throw ContractReader.Null(_discriminator);
            }

            ContractReader.ExpectString(ref reader, _discriminator);
            for (int i = 0; i < _valuesUtf8.Length; i++)
            {
                if (reader.ValueTextEquals(_valuesUtf8[i]))
                {
                    return i;
                }
            }

            throw ContractReader.NotInEnum(ref reader, _discriminator, _allowed);
        }
    }

    /// <summary>The error for a value that is none of the union's branches (a type derived outside the generated code).</summary>
    public AntomPayloadException NotABranch(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new AntomPayloadException(JsonPath.Root, PayloadRule.Type, $"is a {value.GetType().Name}, which is none of the branches of {_union} ({_allowed})");
    }
}
