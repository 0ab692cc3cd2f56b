using System;
using System.Text.Json;

namespace Antom.Contracts;

/// <summary>
/// The reader steps every contract reader shares, each turning the reader's own failures
/// (<see cref="JsonException"/> for malformed JSON, <see cref="InvalidOperationException"/> for invalid UTF-8)
/// into an <see cref="AntomPayloadException"/> at the path being read.
/// </summary>
internal static class PayloadReading
{
    /// <summary>Advances to the next token; the end of the input there is a syntax error.</summary>
    public static void Read(ref Utf8JsonReader reader, string path)
    {
        bool more;
        try
        {
            more = reader.Read();
        }
        catch (JsonException error) when (error is not AntomPayloadException)
        {
            throw AntomPayloadException.Malformed(path, error);
        }

        if (!more)
        {
            throw new AntomPayloadException(path, PayloadRule.Syntax, "is not well-formed JSON: the input ends before the value does");
        }
    }

    /// <summary>From a property name, moves past that property's value, whatever it holds.</summary>
    public static void SkipPropertyValue(ref Utf8JsonReader reader, string path)
    {
        try
        {
            reader.Skip();
        }
        catch (JsonException error) when (error is not AntomPayloadException)
        {
            throw AntomPayloadException.Malformed(path, error);
        }
    }

    /// <summary>Fails unless the current token is a string; <c>null</c> fails as a required value that is null.</summary>
    public static void RequireString(ref Utf8JsonReader reader, string path, string expected)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return;
        }

        throw reader.TokenType == JsonTokenType.Null
            ? AntomPayloadException.NullNotAllowed(path)
            : AntomPayloadException.WrongType(path, expected, reader.TokenType);
    }

    /// <summary>The current string token, unescaped; invalid UTF-8 is a syntax error.</summary>
    public static string GetString(ref Utf8JsonReader reader, string path)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException error)
        {
            throw new AntomPayloadException(path, PayloadRule.Syntax, "is not valid UTF-8 text", error);
        }
    }
}
