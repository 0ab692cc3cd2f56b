using System;
using System.Text;
using System.Text.Json;

namespace Antom.Contracts;

/// <summary>
/// A JSON value carried byte for byte and never interpreted: pass-through data such as a capture's <c>transit</c>
/// or a notification's <c>acquirerInfo</c> (schema keyword <c>x-antom-raw-json</c>). Equality compares the bytes.
/// </summary>
public sealed class RawJson : IEquatable<RawJson>
{
    private readonly byte[] _utf8;

    private RawJson(byte[] utf8)
    {
        _utf8 = utf8;
    }

    /// <summary>The UTF-8 bytes of the value, exactly as read or given.</summary>
    public ReadOnlySpan<byte> Utf8 => _utf8;

    /// <summary>Wraps <paramref name="json"/>, which must be one complete JSON value.</summary>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not one well-formed JSON value.</exception>
    public static RawJson Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Wraps a copy of <paramref name="utf8Json"/>, which must be one complete JSON value.</summary>
    /// <exception cref="ArgumentException"><paramref name="utf8Json"/> is not one well-formed JSON value.</exception>
    public static RawJson Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read())
            {
                throw new ArgumentException("Raw JSON must hold one JSON value; it is empty.", nameof(utf8Json));
            }

            reader.Skip();
            if (reader.Read())
            {
                throw new ArgumentException("Raw JSON must hold exactly one JSON value; more follows it.", nameof(utf8Json));
            }
        }
        catch (JsonException e)
        {
            throw new ArgumentException("Raw JSON is not well-formed: " + e.Message, nameof(utf8Json), e);
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            throw new ArgumentException("Raw JSON is not well-formed: it contains bytes that are not UTF-8.", nameof(utf8Json));
        }

        return new RawJson(utf8Json.ToArray());
    }

    /// <summary>Reads the value under the reader, whatever it is, keeping its exact bytes.</summary>
    internal static RawJson ReadValue(ref Serialization.AntomJsonReader reader)
    {
        int start = reader.TokenStart;
        reader.Skip();
        return new RawJson(reader.Consumed(start).ToArray());
    }

    /// <summary>The JSON text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(_utf8);

    /// <summary>Byte-for-byte equality.</summary>
    public bool Equals(RawJson? other) => other is not null && _utf8.AsSpan().SequenceEqual(other._utf8);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RawJson);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_utf8);
        return hash.ToHashCode();
    }
}
