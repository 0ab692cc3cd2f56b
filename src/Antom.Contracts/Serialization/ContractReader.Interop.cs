using System;
using System.Text.Json;

namespace Antom.Contracts.Serialization;

/// <summary>Reads one value from the contracts' reader (for the bridge from <see cref="Utf8JsonReader"/>).</summary>
/// <typeparam name="T">The value's type.</typeparam>
internal delegate T ValueReader<T>(ref AntomJsonReader reader);

/// <content>
/// The bridge from <see cref="Utf8JsonReader"/>, for the converters behind <see cref="AntomJson.Options"/> (ASP.NET
/// Core, <c>JsonSerializer</c>), whose reader may span several buffers: the value's bytes are taken whole, then read
/// by the same steps as <see cref="AntomJson.Deserialize{T}(ReadOnlySpan{byte})"/>, with the same relative paths.
/// </content>
public static partial class ContractReader
{
    /// <summary>
    /// Reads the contract value the reader is on (its first token); on return the reader is on the value's last token.
    /// </summary>
    /// <exception cref="AntomPayloadException">The value is malformed or breaks the contract; the path is relative to the value (<c>$</c>).</exception>
    public static T ReadValue<T>(ref Utf8JsonReader reader)
        where T : IAntomJsonContract<T>
        => ReadValue(ref reader, static (ref AntomJsonReader r) => T.ReadJson(ref r));

    internal static T ReadValue<T>(ref Utf8JsonReader reader, ValueReader<T> read)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException error) when (error is not AntomPayloadException)
        {
            throw AntomPayloadException.Malformed(JsonPath.Root, error);
        }

        using (document)
        {
#if NET9_0_OR_GREATER
            ReadOnlySpan<byte> utf8 = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(document.RootElement);
#else
            string text;
            try
            {
                text = document.RootElement.GetRawText();
            }
            catch (InvalidOperationException)
            {
                // GetRawText transcodes the value, and refuses bytes that are not UTF-8 with a plain InvalidOperationException.
                throw PayloadReading.NotUtf8();
            }

            ReadOnlySpan<byte> utf8 = System.Text.Encoding.UTF8.GetBytes(text);
#endif
            var value = new AntomJsonReader(utf8);
            PayloadReading.Read(ref value, null);
            T result;
            try
            {
                result = read(ref value);
            }
            catch (InvalidOperationException error)
            {
                // Text the reader cannot decode (a lone surrogate escape) outside a contract's own handler: a closed enum's value.
                throw InvalidText(null, error);
            }

            // As AntomJson.Deserialize: the reader decodes only what the contract reads, so the bytes of skipped,
            // unknown members and of raw JSON are checked here; invalid UTF-8 never passes silently.
            if (!System.Text.Unicode.Utf8.IsValid(utf8))
            {
                throw PayloadReading.NotUtf8();
            }

            return result;
        }
    }
}
