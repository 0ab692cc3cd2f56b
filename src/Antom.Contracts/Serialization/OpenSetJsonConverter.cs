using System;
using System.ComponentModel;
using System.Text.Json;

namespace Antom.Contracts.Serialization;

/// <summary>Reads and writes a generated open set as its wire string.</summary>
/// <typeparam name="TSelf">The open set.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public class OpenSetJsonConverter<TSelf> : System.Text.Json.Serialization.JsonConverter<TSelf>
    where TSelf : struct, IOpenSet<TSelf>
{
    /// <inheritdoc/>
    public override TSelf Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ContractReader.ReadValue(ref reader, static (ref AntomJsonReader r) => TSelf.Table.Read(ref r, null));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TSelf value, JsonSerializerOptions options)
    {
        TSelf.Table.Check(value, null);
        TSelf.Table.WriteValue(writer, value);
    }
}
