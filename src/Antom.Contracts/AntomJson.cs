using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using Antom.Contracts.Serialization;

namespace Antom.Contracts;

/// <summary>
/// Reads and writes every Antom contract with its generated, reflection-free serializer.
/// </summary>
/// <remarks>
/// <para>Reading checks every rule of the contract's schema and throws <see cref="AntomPayloadException"/> with the
/// JSON path of the first broken one. Writing checks the same rules first, so an invalid value throws before any byte
/// is produced. Absent optional members are omitted, never written as <c>null</c>.</para>
/// <para>A UTF-8 byte order mark before the JSON is skipped. Anything after the JSON value is an error.</para>
/// </remarks>
public static class AntomJson
{
    /// <summary>
    /// Options whose resolver knows every contract of this library, for <c>JsonSerializer.Serialize(value, AntomJson.Options)</c>
    /// and ASP.NET Core minimal APIs. AOT- and trim-safe: no reflection.
    /// </summary>
    /// <remarks>
    /// A contract's converter validates the value, writes it with the library's own writer (the bytes
    /// <see cref="SerializeToUtf8Bytes{T}"/> returns) and hands them to the <see cref="Utf8JsonWriter"/> as one raw
    /// value: an indenting writer (<see cref="JsonSerializerOptions.WriteIndented"/>) lays out what is around a
    /// contract, but the contract itself stays compact.
    /// </remarks>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writes <paramref name="value"/> as a JSON string.</summary>
    /// <exception cref="AntomPayloadException"><paramref name="value"/> breaks its contract.</exception>
    public static string Serialize<T>(T value)
        where T : IAntomJsonContract<T>
    {
        ContractJsonWriter writer = Write(value);
        try
        {
            return Encoding.UTF8.GetString(writer.WrittenSpan);
        }
        finally
        {
            ContractJsonWriter.Return(writer);
        }
    }

    /// <summary>Writes <paramref name="value"/> as UTF-8 JSON bytes.</summary>
    /// <exception cref="AntomPayloadException"><paramref name="value"/> breaks its contract.</exception>
    public static byte[] SerializeToUtf8Bytes<T>(T value)
        where T : IAntomJsonContract<T>
    {
        ContractJsonWriter writer = Write(value);
        try
        {
            return writer.WrittenSpan.ToArray();
        }
        finally
        {
            ContractJsonWriter.Return(writer);
        }
    }

    /// <summary>Writes <paramref name="value"/> as UTF-8 JSON into <paramref name="destination"/>; nothing is written if it is invalid.</summary>
    /// <remarks>The JSON is written whole, then copied into <paramref name="destination"/>: it is given no byte unless the value was written entirely.</remarks>
    /// <exception cref="AntomPayloadException"><paramref name="value"/> breaks its contract.</exception>
    public static void Serialize<T>(IBufferWriter<byte> destination, T value)
        where T : IAntomJsonContract<T>
    {
        ArgumentNullException.ThrowIfNull(destination);
        ContractJsonWriter writer = Write(value);
        try
        {
            // The thread's writer is still taken here: a buffer writer that serializes from GetSpan gets another.
            ReadOnlySpan<byte> json = writer.WrittenSpan;
            while (!json.IsEmpty)
            {
                Span<byte> span = destination.GetSpan(json.Length);
                int count = Math.Min(span.Length, json.Length);
                json[..count].CopyTo(span);
                destination.Advance(count);
                json = json[count..];
            }
        }
        finally
        {
            ContractJsonWriter.Return(writer);
        }
    }

    // Refuses a lone surrogate rather than replacing it, as System.Text.Json's own string overloads do.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a <typeparamref name="T"/> from JSON text.</summary>
    /// <exception cref="AntomPayloadException">The JSON is malformed (a lone UTF-16 surrogate included) or breaks the contract; the path says where.</exception>
    public static T Deserialize<T>(string json)
        where T : IAntomJsonContract<T>
    {
        ArgumentNullException.ThrowIfNull(json);
        int max = Encoding.UTF8.GetMaxByteCount(json.Length);
        byte[]? rented = null;
        Span<byte> utf8 = max <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            int length;
            try
            {
                length = StrictUtf8.GetBytes(json, utf8);
            }
            catch (EncoderFallbackException error)
            {
                // Encoding.UTF8 would write U+FFFD in its place: a character the sender never sent, read silently.
                throw new AntomPayloadException(JsonPath.Root, PayloadRule.Syntax, "is not valid text: a lone UTF-16 surrogate at index " + error.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), error);
            }

            return Deserialize<T>(utf8[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Reads a <typeparamref name="T"/> from UTF-8 JSON.</summary>
    /// <exception cref="AntomPayloadException">The JSON is malformed or breaks the contract; the path says where.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json)
        where T : IAntomJsonContract<T>
    {
        utf8Json = PayloadReading.WithoutBom(utf8Json);
        var reader = new AntomJsonReader(utf8Json);
        PayloadReading.Read(ref reader, null);
        T value = T.ReadJson(ref reader);
        bool trailing;
        try
        {
            trailing = reader.Read();
        }
        catch (JsonException error)
        {
            throw AntomPayloadException.Malformed(JsonPath.Root, error);
        }

        if (trailing)
        {
            throw new AntomPayloadException(JsonPath.Root, PayloadRule.Syntax, "is not well-formed JSON: more follows the value");
        }

        // The reader decodes only what the contract reads; bytes inside skipped, unknown properties are checked here,
        // so invalid UTF-8 never passes silently. Vectorized, and only reached by payloads that are otherwise valid.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            throw PayloadReading.NotUtf8();
        }

        return value;
    }

    // Validates, then writes with the thread's writer (a new one when a call is made from inside another), which the
    // caller hands back with ContractJsonWriter.Return once it has taken the bytes.
    private static ContractJsonWriter Write<T>(T value)
        where T : IAntomJsonContract<T>
    {
        ThrowIfNull(value); // not ArgumentNullException.ThrowIfNull(object): that would box a struct contract
        T.Validate(value);
        ContractJsonWriter writer = ContractJsonWriter.Rent();
        try
        {
            T.WriteJson(writer, value);
        }
        catch
        {
            ContractJsonWriter.Return(writer);
            throw;
        }

        return writer;
    }

    private static void ThrowIfNull<T>(T value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = AntomContractsJsonResolver.Default };
        options.MakeReadOnly();
        return options;
    }
}
