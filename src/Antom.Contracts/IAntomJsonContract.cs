using System.Text.Json;

namespace Antom.Contracts;

/// <summary>
/// A contract type with a generated, reflection-free reader and writer. Every record the source generator emits
/// implements it, and so does <see cref="Money"/>; <see cref="AntomJson"/> dispatches through it.
/// </summary>
/// <typeparam name="TSelf">The contract type itself.</typeparam>
public interface IAntomJsonContract<TSelf>
    where TSelf : IAntomJsonContract<TSelf>
{
    /// <summary>
    /// Reads one value. The reader is on the value's first token; on return it is on the value's last token.
    /// </summary>
    /// <exception cref="AntomPayloadException">The value breaks the contract; the path is relative to the value (<c>$</c>).</exception>
    static abstract TSelf ReadJson(ref Serialization.AntomJsonReader reader);

    /// <summary>
    /// Reads one value from a <see cref="Utf8JsonReader"/> (inside a <c>JsonConverter</c>, where it may span several
    /// buffers): the value's bytes are taken whole and read as <see cref="ReadJson(ref Serialization.AntomJsonReader)"/>
    /// reads them. The reader is on the value's first token; on return it is on the value's last token.
    /// </summary>
    /// <exception cref="AntomPayloadException">The value is malformed or breaks the contract; the path is relative to the value (<c>$</c>).</exception>
    static virtual TSelf ReadJson(ref Utf8JsonReader reader) => Serialization.ContractReader.ReadValue<TSelf>(ref reader);

    /// <summary>Checks every rule of the contract, so that an invalid value is refused before any byte is written.</summary>
    /// <exception cref="AntomPayloadException">The value breaks the contract; the path says where.</exception>
    static abstract void Validate(TSelf value);

    /// <summary>
    /// Writes one value that <see cref="Validate"/> accepted, compact, with the library's own writer (the bytes
    /// <see cref="Utf8JsonWriter"/> would write). A <c>JsonConverter</c> of the type writes the same bytes onto a
    /// <see cref="Utf8JsonWriter"/> as one raw value.
    /// </summary>
    static abstract void WriteJson(Serialization.ContractJsonWriter writer, TSelf value);
}
