using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Antom.Contracts.Serialization;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>
/// The contracts' tokenizer against <see cref="Utf8JsonReader"/> (comments disallowed, no trailing commas, depth 64):
/// each grammar rule on its own, then thousands of mutated payloads on which both must agree token by token and throw
/// the same exception at the same token.
/// </summary>
public sealed class AntomJsonReaderTests
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "examples");

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = 64 };

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData(" \t\r\n{ \"a\" : [ 1 , -0.5e+3 , true , false , null , \"x\" ] } \t\r\n")]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("0.0")]
    [InlineData("1E5")]
    [InlineData("1e-5")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("\"\"")]
    [InlineData("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"")]
    [InlineData("\"\\ud800\"")]
    [InlineData("{\"a\":{\"b\":{\"c\":[[[]]]}}}")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("\"é€😀\"")]
    public void Accepts_what_Utf8JsonReader_accepts(string json)
    {
        Outcome ours = Scan(Encoding.UTF8.GetBytes(json), ourReader: true);
        Assert.Null(ours.Error);
        Assert.Equal(Scan(Encoding.UTF8.GetBytes(json), ourReader: false).Tokens, ours.Tokens);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"a\"}")]
    [InlineData("{\"a\":}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1,]")]
    [InlineData("[,1]")]
    [InlineData("[1 2]")]
    [InlineData("{\"a\":1]")]
    [InlineData("[1}")]
    [InlineData("{a:1}")]
    [InlineData("{'a':1}")]
    [InlineData("01")]
    [InlineData("-01")]
    [InlineData("+1")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("1.e5")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("-")]
    [InlineData("1x")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("tru")]
    [InlineData("True")]
    [InlineData("nul")]
    [InlineData("truex")]
    [InlineData("\"abc")]
    [InlineData("\"a\u0001b\"")]
    [InlineData("\"a\tb\"")]
    [InlineData("\"\\x\"")]
    [InlineData("\"\\u12\"")]
    [InlineData("\"\\u12G4\"")]
    [InlineData("\"\\")]
    [InlineData("{} {}")]
    [InlineData("{}x")]
    [InlineData("{}/")]
    [InlineData("// comment\n{}")]
    [InlineData("{/*c*/}")]
    [InlineData("\u000B{}")]
    [InlineData("\u00A0{}")]
    [InlineData("\uFEFF{}")]
    public void Refuses_what_Utf8JsonReader_refuses_with_its_exception(string json)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        Outcome ours = Scan(utf8, ourReader: true);
        Outcome theirs = Scan(utf8, ourReader: false);
        Assert.NotNull(ours.Error);
        Assert.Equal(theirs, ours);
    }

    [Theory]
    [InlineData("")]
    [InlineData("success")]
    [InlineData("\u007f~ !#")]
    [InlineData("café")]
    [InlineData("ÿÀ")]
    [InlineData("€😀")]
    [InlineData("202609011940108001001881234567890202609011940108001001881234567890202609011940108001001881234567890")]
    [InlineData("202609011940108001001881234567890202609011940108001001881234567890202609011940108001001881234567é")]
    public void GetString_of_an_unescaped_string_decodes_UTF8_as_Utf8JsonReader_does(string text)
    {
        // An ASCII string takes a shorter way to UTF-16 than other text; the bytes C3 A9 must still read as "é", not "Ã©".
        byte[] json = Encoding.UTF8.GetBytes("[\"" + text + "\"]");
        var ours = new AntomJsonReader(json);
        Assert.True(ours.Read());
        Assert.True(ours.Read());
        var theirs = new Utf8JsonReader(json);
        theirs.Read();
        theirs.Read();
        Assert.Equal(theirs.GetString(), ours.GetString());
        Assert.Equal(text, ours.GetString());
    }

    [Fact]
    public void Nests_64_deep_and_no_deeper()
    {
        string ok = new string('[', 64) + new string(']', 64);
        Assert.Null(Scan(Encoding.UTF8.GetBytes(ok), ourReader: true).Error);
        string deep = "{\"a\":" + new string('[', 64) + new string(']', 64) + "}";
        Outcome ours = Scan(Encoding.UTF8.GetBytes(deep), ourReader: true);
        Assert.NotNull(ours.Error);
        Assert.Equal(Scan(Encoding.UTF8.GetBytes(deep), ourReader: false), ours);
    }

    [Fact]
    public void Skips_nested_unknown_values_to_their_last_token()
    {
        var reader = new AntomJsonReader("{\"skip\":{\"a\":[1,{\"b\":\"}\"}],\"c\":null},\"next\":true}"u8);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.True(reader.ValueTextEquals("skip"u8));
        reader.Skip();
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.Equal(1, reader.CurrentDepth);
        Assert.True(reader.Read());
        Assert.Equal("next", reader.GetString());
        reader.Skip();
        Assert.Equal(JsonTokenType.True, reader.TokenType);
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.False(reader.Read());
    }

    [Fact]
    public void Unescapes_only_escaped_strings_and_refuses_lone_surrogates_as_Utf8JsonReader_does()
    {
        var reader = new AntomJsonReader("[\"plain\",\"a\\u00e9\\n\",\"\\ud800\"]"u8);
        reader.Read();
        reader.Read();
        Assert.False(reader.ValueIsEscaped);
        Assert.Equal("plain", reader.GetString());
        reader.Read();
        Assert.True(reader.ValueIsEscaped);
        Assert.Equal("a\\u00e9\\n", Encoding.UTF8.GetString(reader.ValueSpan));
        Assert.Equal("aé\n", reader.GetString());
        Assert.True(reader.ValueTextEquals("aé\n"u8));
        reader.Read();
        Assert.Equal("(undecodable)", Decoded(reader));
    }

    [Fact]
    public void Refuses_invalid_UTF8_when_a_string_is_decoded()
    {
        var reader = new AntomJsonReader([(byte)'"', 0xC3, 0x28, (byte)'"']);
        Assert.True(reader.Read());
        Assert.Equal("(undecodable)", Decoded(reader));
    }

    [Fact]
    public void Reads_integers_as_Utf8JsonReader_does()
    {
        foreach (string number in new[] { "0", "-0", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1.0", "1e2" })
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(number);
            var ours = new AntomJsonReader(utf8);
            ours.Read();
            var theirs = new Utf8JsonReader(utf8);
            theirs.Read();
            Assert.Equal(theirs.TryGetInt64(out long expected), ours.TryGetInt64(out long actual));
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Agrees_with_Utf8JsonReader_on_thousands_of_mutated_payloads()
    {
        var random = new Random(20261126);
        // Each example as written (indented) and compact, as payloads usually come (the generated readers' fast paths).
        byte[][] seeds = Directory.EnumerateFiles(Examples, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)
            .SelectMany(json => new[] { json, Compact(json) }).ToArray();
        Assert.NotEmpty(seeds);
        byte[] alphabet = "{}[]:,\"\\/ \t\r\n0123456789-+.eEtrufalsn\u00e9x"u8.ToArray();
        string[] fragments =
        [
            "\\u", "\\ud83d", "\\ude00", "\\uD83D\\uDE00", "\\u00", "\\\\", "\\\"", "\\q", "00", "-0", "1e", "1e+", "1E-2", ".5", "0.", "-", "+1",
            "true", "fals", "nul", "null", "[", "]", "{", "}", ",", ":", ",,", "\"", "\"\"", "\u0001", "\u007f", "\u000b", "\u00a0", "/*", "//", "\uFEFF",
            new string('[', 63), new string('[', 65), new string(']', 64),
        ];
        int valid = 0, invalid = 0;
        for (int n = 0; n < 10000; n++)
        {
            byte[] payload = Mutate(random, seeds[random.Next(seeds.Length)], alphabet, fragments);
            Outcome theirs = Scan(payload, ourReader: false);
            Outcome ours = Scan(payload, ourReader: true);
            Outcome fast = ScanAsGeneratedReadersDo(payload);
            if (!theirs.Equals(ours) || !theirs.Equals(fast))
            {
                Assert.Fail($"Case {n} differs on {Convert.ToHexString(payload)}\nUtf8JsonReader: {theirs}\nAntomJsonReader: {ours}\nits fast paths: {fast}");
            }

            _ = theirs.Error is null ? valid++ : invalid++;
        }

        // Both kinds are well represented, so agreement means something on each.
        Assert.InRange(valid, 1000, 10000);
        Assert.InRange(invalid, 2500, 10000);
    }

    private static byte[] Compact(byte[] json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Mutate(Random random, byte[] seed, byte[] alphabet, string[] fragments)
    {
        var bytes = new List<byte>(seed);
        int edits = random.Next(0, 4);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(9))
            {
                case 0:
                    bytes.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes[at] = alphabet[random.Next(alphabet.Length)];
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at); // truncated
                    break;
                case 4:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(fragments[random.Next(fragments.Length)]));
                    break;
                case 5:
                    int length = Math.Min(bytes.Count - at, random.Next(1, 24));
                    bytes.InsertRange(at, bytes.GetRange(at, length)); // a duplicated run of tokens
                    break;
                case 6:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 7:
                    int depth = random.Next(60, 68);
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)));
                    break;
                default:
                    // Inside a string: an escape or an odd number as a value.
                    string[] odd = ["\\u00e9", "\\ud800", "\\udfff\\ud800", "\\u0000", "\\t", "\\/", "\t", "\"1.5e300\"", "-0.0E-0"];
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(odd[random.Next(odd.Length)]));
                    break;
            }
        }

        return bytes.ToArray();
    }

    // Every token (type and raw value), then the exception if one was thrown, and the value of each string decoded.
    private static Outcome Scan(byte[] utf8, bool ourReader)
    {
        var tokens = new List<string>();
        string? error = null;
        if (ourReader)
        {
            var reader = new AntomJsonReader(utf8);
            try
            {
                while (reader.Read())
                {
                    tokens.Add(Token(reader.TokenType, reader.ValueSpan, reader.CurrentDepth, reader.ValueIsEscaped ? Decoded(reader) : null));
                }
            }
            catch (JsonException e)
            {
                error = e.GetType().Name + ": " + e.Message;
            }
        }
        else
        {
            var reader = new Utf8JsonReader(utf8, Options);
            try
            {
                while (reader.Read())
                {
                    tokens.Add(Token(reader.TokenType, reader.ValueSpan, reader.CurrentDepth, reader.ValueIsEscaped ? Decoded(reader) : null));
                }
            }
            catch (JsonException e)
            {
                error = e.GetType().Name + ": " + e.Message;
            }
        }

        return new Outcome(string.Join("\n", tokens), error);
    }

    // The string's text, or "(undecodable)" when reading it throws InvalidOperationException, as Utf8JsonReader's does.
    // The same scan through the fast paths generated readers take: the next property name (or the object's end)
    // without a dispatch on the token before, and a property's value right after its colon. Each falls back to Read.
    private static Outcome ScanAsGeneratedReadersDo(byte[] utf8)
    {
        var tokens = new List<string>();
        string? error = null;
        var reader = new AntomJsonReader(utf8);
        try
        {
            while (true)
            {
                bool more = reader.TryReadNextPropertyName(out _) || (reader.TokenType == JsonTokenType.PropertyName ? reader.ReadPropertyValue() : reader.Read());
                if (!more)
                {
                    break;
                }

                tokens.Add(Token(reader.TokenType, reader.ValueSpan, reader.CurrentDepth, reader.ValueIsEscaped ? Decoded(reader) : null));
            }
        }
        catch (JsonException e)
        {
            error = e.GetType().Name + ": " + e.Message;
        }

        return new Outcome(string.Join("\n", tokens), error);
    }

    private static string Decoded(AntomJsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return "(undecodable)";
        }
    }

    private static string Decoded(Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return "(undecodable)";
        }
    }

    private static string Token(JsonTokenType type, ReadOnlySpan<byte> value, int depth, string? decoded)
        => $"{type}@{depth}:{Convert.ToHexString(value)}{(decoded is null ? "" : "=" + decoded)}";

    private sealed record Outcome(string Tokens, string? Error);
}
