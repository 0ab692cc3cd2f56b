using System;
using System.Text.Json;

namespace Antom.Contracts.Serialization;

/// <summary>
/// The reader steps every contract reader shares, each turning the reader's own failures
/// (<see cref="JsonException"/> for malformed JSON, <see cref="InvalidOperationException"/> for invalid UTF-8)
/// into an <see cref="AntomPayloadException"/> at the path being read.
/// </summary>
internal static class PayloadReading
{
    // Paths are built only when something fails: the happy path allocates nothing for them.
    // A null property name stands for the value being read itself ($).

    /// <summary>
    /// The error for a payload whose bytes are not all UTF-8, found by the whole-payload check after reading: the
    /// reader decodes only what the contract reads, so such bytes sit in members it skipped or in raw JSON.
    /// </summary>
    public static AntomPayloadException NotUtf8()
        => new(JsonPath.Root, PayloadRule.Syntax, "is not valid JSON text: it contains bytes that are not UTF-8 (in a member the contract does not decode: an unknown property or raw JSON)");

    /// <summary>Advances to the next token; the end of the input there is a syntax error.</summary>
    public static void Read(ref AntomJsonReader reader, string? propertyName)
    {
        bool more;
        try
        {
            more = reader.Read();
        }
        catch (JsonException error) when (error is not AntomPayloadException)
        {
            throw AntomPayloadException.Malformed(PathOf(propertyName), error);
        }

        if (!more)
        {
            throw ContractReader.EndOfInput(propertyName);
        }
    }

    /// <summary>The payload without a leading UTF-8 byte order mark, which readers skip.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> utf8Json)
        => utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;

    /// <summary>The path of a property of the object being read, or <c>$</c> for null.</summary>
    public static string PathOf(string? propertyName) => propertyName is null ? JsonPath.Root : JsonPath.OfProperty(propertyName);

    /// <summary>
    /// From a property name, moves past that property's value, whatever it holds (an unknown property). When the value
    /// is malformed, or nested deeper than the reader allows, the error names that property; the name is only decoded
    /// then, from a copy of the reader taken at the name (a struct copy, no allocation).
    /// </summary>
    public static void SkipPropertyValue(ref AntomJsonReader reader)
    {
        AntomJsonReader atName = reader;
        try
        {
            reader.Skip();
        }
        catch (JsonException error) when (error is not AntomPayloadException)
        {
            string name = atName.TokenType == JsonTokenType.PropertyName ? GetString(ref atName, null) : string.Empty;
            throw AntomPayloadException.Malformed(JsonPath.OfProperty(name), error);
        }
    }

    /// <summary>Fails unless the current token is a string; <c>null</c> fails as a required value that is null.</summary>
    public static void RequireString(ref AntomJsonReader reader, string? propertyName, string expected)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return;
        }

        throw reader.TokenType == JsonTokenType.Null
            ? AntomPayloadException.NullNotAllowed(PathOf(propertyName))
            : AntomPayloadException.WrongType(PathOf(propertyName), expected, reader.TokenType);
    }

    /// <summary>The current string token, unescaped; invalid UTF-8 is a syntax error.</summary>
    public static string GetString(ref AntomJsonReader reader, string? propertyName)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException error)
        {
            throw new AntomPayloadException(PathOf(propertyName), PayloadRule.Syntax, "is not valid text (invalid UTF-8 or a lone surrogate escape)", error);
        }
    }
}
