using System;
using System.ComponentModel;
using System.Text.Json;

namespace Antom.Contracts.Serialization;

/// <summary>Reads and writes a generated closed enum as its wire string, through its <see cref="ClosedEnumTable{TEnum}"/>.</summary>
/// <typeparam name="TEnum">The generated enum.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ClosedEnumJsonConverter<TEnum> : System.Text.Json.Serialization.JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly ClosedEnumTable<TEnum> _table;
    private readonly ValueReader<TEnum> _read;

    /// <summary>Creates the converter over <paramref name="table"/>.</summary>
    protected ClosedEnumJsonConverter(ClosedEnumTable<TEnum> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
        _read = (ref AntomJsonReader reader) => table.Read(ref reader, null);
    }

    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ContractReader.ReadValue(ref reader, _read);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(_table.Encoded(value));
    }
}
