using System;
using System.Buffers;
using System.Buffers.Text;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Antom.Contracts.Serialization;

/// <summary>
/// A forward-only JSON tokenizer over one contiguous UTF-8 buffer: what generated readers read contracts with. It
/// accepts exactly what <see cref="Utf8JsonReader"/> accepts with comments disallowed, no trailing commas and a maximum
/// depth of 64 (RFC 8259: its grammar, its number grammar, its string rules and its four whitespace bytes; a byte
/// order mark is not skipped, callers take it off), and yields the same tokens. Malformed JSON throws the very <see cref="JsonException"/>
/// <see cref="Utf8JsonReader"/> throws for it: the error is rare, so it is obtained by letting
/// <see cref="Utf8JsonReader"/> read the same bytes. Like <see cref="Utf8JsonReader"/>, it does not check that
/// the bytes are UTF-8 outside what is decoded (<see cref="AntomJson"/> checks the whole payload once). Public for
/// generated code in consumers' assemblies; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct AntomJsonReader
{
    /// <summary>The nesting <see cref="Utf8JsonReader"/> allows by default, and so this reader.</summary>
    public const int MaxDepth = 64;

    private static readonly SearchValues<byte> StringSpecials = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\"\\"u8);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _buffer;
    private int _position;       // the first byte not consumed
    private int _tokenStart;     // the first byte of the current token (a string's opening quote)
    private int _valueStart;     // the first byte of ValueSpan
    private int _valueLength;
    private int _depth;          // containers open
    private ulong _objects;      // bit d - 1 set: the container at depth d is an object
    private JsonTokenType _tokenType;
    private bool _escaped;

    /// <summary>A reader before the first token of <paramref name="utf8Json"/>, which must hold the whole JSON text.</summary>
    public AntomJsonReader(ReadOnlySpan<byte> utf8Json)
    {
        _buffer = utf8Json;

    }

    /// <summary>The current token (<see cref="JsonTokenType.None"/> before the first <see cref="Read"/>).</summary>
    public readonly JsonTokenType TokenType => _tokenType;

    /// <summary>The raw bytes of the current token: a string's or property name's without quotes and still escaped.</summary>
    public readonly ReadOnlySpan<byte> ValueSpan => _buffer.Slice(_valueStart, _valueLength);

    /// <summary>Whether the current string or property name holds escape sequences (its <see cref="ValueSpan"/> is not its text).</summary>
    public readonly bool ValueIsEscaped => _escaped;

    /// <summary>The depth of the current token, counted as <see cref="Utf8JsonReader.CurrentDepth"/> counts it.</summary>
    public readonly int CurrentDepth => _tokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? _depth - 1 : _depth;

    /// <summary>The bytes consumed so far, up to the end of the current token.</summary>
    public readonly int BytesConsumed => _position;

    /// <summary>The first byte of the current token (a string's opening quote).</summary>
    internal readonly int TokenStart => _tokenStart;

    /// <summary>The input from <paramref name="start"/> to where the reader has read (a value's raw bytes).</summary>
    internal readonly ReadOnlySpan<byte> Consumed(int start) => _buffer[start.._position];

    /// <summary>Moves to the next token; false when the JSON text has ended after a complete value.</summary>
    /// <exception cref="JsonException">The text is not well-formed JSON here (the exception <see cref="Utf8JsonReader"/> throws).</exception>
    public bool Read()
    {
        ReadOnlySpan<byte> buffer = _buffer;
        int i = _position;
        while ((uint)i < (uint)buffer.Length && buffer[i] <= (byte)' ' && IsWhitespace(buffer[i]))
        {
            i++;
        }

        if ((uint)i >= (uint)buffer.Length)
        {
            _position = i;
            if (_depth == 0 && _tokenType != JsonTokenType.None && _tokenType != JsonTokenType.PropertyName)
            {
                return false;
            }

            ThrowMalformed();
        }

        byte c = buffer[i];
        switch (_tokenType)
        {
            case JsonTokenType.PropertyName:
                return ReadValue(buffer, i, c);
            case JsonTokenType.StartObject:
                if (c == (byte)'}')
                {
                    return EndContainer(i, JsonTokenType.EndObject);
                }

                return c == (byte)'"' ? ReadName(buffer, i) : ThrowMalformed();
            case JsonTokenType.StartArray:
                if (c == (byte)']')
                {
                    return EndContainer(i, JsonTokenType.EndArray);
                }

                return ReadValue(buffer, i, c);
            case JsonTokenType.None:
                return ReadValue(buffer, i, c);
        }

        // After a value: a separator or the end of the container; nothing after the root value.
        if (_depth == 0)
        {
            return ThrowMalformed();
        }

        bool inObject = (_objects & (1UL << (_depth - 1))) != 0;
        if (c == (byte)',')
        {
            i++;
            while ((uint)i < (uint)buffer.Length && buffer[i] <= (byte)' ' && IsWhitespace(buffer[i]))
            {
                i++;
            }

            if ((uint)i >= (uint)buffer.Length)
            {
                return ThrowMalformed();
            }

            c = buffer[i];
            if (inObject)
            {
                return c == (byte)'"' ? ReadName(buffer, i) : ThrowMalformed();
            }

            return c is (byte)']' ? ThrowMalformed() : ReadValue(buffer, i, c);
        }

        if (c == (byte)'}' && inObject)
        {
            return EndContainer(i, JsonTokenType.EndObject);
        }

        if (c == (byte)']' && !inObject)
        {
            return EndContainer(i, JsonTokenType.EndArray);
        }

        return ThrowMalformed();
    }

    /// <summary>
    /// Inside an object, in the case generated readers meet most (compact JSON: a name right after <c>{</c> or after
    /// <c>,</c>, or the <c>}</c>), moves to the next property name (<paramref name="isName"/>) or to the object's end,
    /// without dispatching on the token before. False, having read nothing, in every other case (whitespace, an error):
    /// the caller then calls <see cref="Read"/>.
    /// </summary>
    internal bool TryReadNextPropertyName(out bool isName)
    {
        ReadOnlySpan<byte> buffer = _buffer;
        int i = _position;
        isName = false;
        if (_depth > 0 && (_objects & (1UL << (_depth - 1))) != 0 && _tokenType != JsonTokenType.PropertyName && (uint)(i + 1) < (uint)buffer.Length)
        {
            byte c = buffer[i];
            if (c == (byte)'"' && _tokenType == JsonTokenType.StartObject)
            {
                isName = ReadName(buffer, i);
                return true;
            }

            if (c == (byte)',' && _tokenType != JsonTokenType.StartObject && buffer[i + 1] == (byte)'"')
            {
                isName = ReadName(buffer, i + 1);
                return true;
            }

            if (c == (byte)'}')
            {
                return EndContainer(i, JsonTokenType.EndObject);
            }
        }

        return false;
    }

    /// <summary>
    /// Inside an object, in compact JSON (right after <c>{</c>, or a value and <c>,</c>), moves onto the property name
    /// whose JSON text and colon are <paramref name="quotedNameColon"/> (<c>"name":</c>, with no escapes in it) when
    /// that is what comes next; false, having read nothing, otherwise. The same token <see cref="Read"/> would give,
    /// without searching for the name's end: the expected bytes are compared whole.
    /// </summary>
    internal bool TryReadPropertyName(ReadOnlySpan<byte> quotedNameColon)
    {
        ReadOnlySpan<byte> buffer = _buffer;
        int i = _position;
        if (quotedNameColon.Length < 3 || _tokenType == JsonTokenType.PropertyName || _depth == 0 || (_objects & (1UL << (_depth - 1))) == 0)
        {
            return false;
        }

        if (_tokenType != JsonTokenType.StartObject)
        {
            if ((uint)i >= (uint)buffer.Length || buffer[i] != (byte)',')
            {
                return false;
            }

            i++;
        }

        if ((uint)i > (uint)buffer.Length || !buffer[i..].StartsWith(quotedNameColon))
        {
            return false;
        }

        _tokenStart = i;
        _escaped = false;
        _valueStart = i + 1;
        _valueLength = quotedNameColon.Length - 3;
        _position = i + quotedNameColon.Length;
        _tokenType = JsonTokenType.PropertyName;
        return true;
    }

    /// <summary>
    /// From a property name, moves to its value: <see cref="Read"/> without dispatching on the token before when the
    /// value follows the colon directly; everything else goes through <see cref="Read"/>.
    /// </summary>
    /// <exception cref="JsonException">The text is not well-formed JSON here, or ends.</exception>
    internal bool ReadPropertyValue()
    {
        ReadOnlySpan<byte> buffer = _buffer;
        int i = _position;
        if (_tokenType == JsonTokenType.PropertyName && (uint)i < (uint)buffer.Length && buffer[i] > (byte)' ')
        {
            return ReadValue(buffer, i, buffer[i]);
        }

        return Read();
    }

    /// <summary>
    /// From a property name, moves past its value; from the start of an object or array, to its end; on any other
    /// value, stays. Ends on the skipped value's last token, as <see cref="Utf8JsonReader.Skip"/> does.
    /// </summary>
    public void Skip()
    {
        if (_tokenType == JsonTokenType.PropertyName)
        {
            Read();
        }

        if (_tokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            int depth = _depth - 1;
            do
            {
                Read();
            }
            while (_depth > depth);
        }
    }

    /// <summary>The current string or property name, unescaped.</summary>
    /// <exception cref="InvalidOperationException">The token is not a string, or its text is not valid (invalid UTF-8, a lone surrogate escape).</exception>
    public readonly string GetString()
    {
        if (_tokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            throw new InvalidOperationException("Cannot get the value of a token type '" + _tokenType + "' as a string.");
        }

        if (_escaped)
        {
            Utf8JsonReader token = TokenReader();
            return token.GetString()!;
        }

        ReadOnlySpan<byte> text = _buffer.Slice(_valueStart, _valueLength);
        if (System.Text.Ascii.IsValid(text))
        {
            return Encoding.Latin1.GetString(text);
        }

        try
        {
            return StrictUtf8.GetString(text);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidOperationException("Cannot transcode invalid UTF-8 JSON text to UTF-16 string.", e);
        }
    }

    /// <summary>Whether the current string or property name, unescaped, is <paramref name="utf8Text"/>.</summary>
    public readonly bool ValueTextEquals(ReadOnlySpan<byte> utf8Text)
    {
        if (!_escaped)
        {
            return _buffer.Slice(_valueStart, _valueLength).SequenceEqual(utf8Text);
        }

        Utf8JsonReader token = TokenReader();
        return token.ValueTextEquals(utf8Text);
    }

    /// <summary>The current number as a <see cref="long"/>, when it is an integer in its range (as <see cref="Utf8JsonReader.TryGetInt64"/>).</summary>
    public readonly bool TryGetInt64(out long value)
    {
        ReadOnlySpan<byte> span = _buffer.Slice(_valueStart, _valueLength);
        if (Utf8Parser.TryParse(span, out long parsed, out int consumed) && consumed == span.Length)
        {
            value = parsed;
            return true;
        }

        value = 0;
        return false;
    }

    // An escaped string token, read by Utf8JsonReader alone so that unescaping (and refusing lone surrogates) is its own.
    private readonly Utf8JsonReader TokenReader()
    {
        ReadOnlySpan<byte> quoted = _buffer.Slice(_valueStart - 1, _valueLength + 2);
        var token = new Utf8JsonReader(quoted);
        token.Read();
        return token;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWhitespace(byte c) => c is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t';

    private bool EndContainer(int i, JsonTokenType token)
    {
        _depth--;
        _tokenType = token;
        _tokenStart = i;
        _valueStart = i;
        _valueLength = 1;
        _escaped = false;
        _position = i + 1;
        return true;
    }

    private bool ReadValue(ReadOnlySpan<byte> buffer, int i, byte c)
    {
        _tokenStart = i;
        _escaped = false;
        switch (c)
        {
            case (byte)'"':
                _tokenType = JsonTokenType.String;
                return ReadString(buffer, i);
            case (byte)'{':
            case (byte)'[':
                if (_depth >= MaxDepth)
                {
                    return ThrowMalformed();
                }

                if (c == (byte)'{')
                {
                    _objects |= 1UL << _depth;
                    _tokenType = JsonTokenType.StartObject;
                }
                else
                {
                    _objects &= ~(1UL << _depth);
                    _tokenType = JsonTokenType.StartArray;
                }

                _depth++;
                _valueStart = i;
                _valueLength = 1;
                _position = i + 1;
                return true;
            case (byte)'t':
                return ReadLiteral(buffer, i, "true"u8, JsonTokenType.True);
            case (byte)'f':
                return ReadLiteral(buffer, i, "false"u8, JsonTokenType.False);
            case (byte)'n':
                return ReadLiteral(buffer, i, "null"u8, JsonTokenType.Null);
            default:
                return c == (byte)'-' || c - (uint)'0' <= 9 ? ReadNumber(buffer, i) : ThrowMalformed();
        }
    }

    private bool ReadName(ReadOnlySpan<byte> buffer, int i)
    {
        _tokenStart = i;
        _escaped = false;
        ReadString(buffer, i);
        int j = _position;
        while ((uint)j < (uint)buffer.Length && buffer[j] <= (byte)' ' && IsWhitespace(buffer[j]))
        {
            j++;
        }

        if ((uint)j >= (uint)buffer.Length || buffer[j] != (byte)':')
        {
            return ThrowMalformed();
        }

        _position = j + 1;
        _tokenType = JsonTokenType.PropertyName;
        return true;
    }

    // From the opening quote at i: the string's raw span, whether it holds escapes, and every rule of its characters.
    private bool ReadString(ReadOnlySpan<byte> buffer, int i)
    {
        int start = i + 1;
        int found = buffer[start..].IndexOfAny(StringSpecials);
        if (found >= 0 && buffer[start + found] == (byte)'"')
        {
            _valueStart = start;
            _valueLength = found;
            _position = start + found + 1;
            return true;
        }

        return ReadEscapedString(buffer, start, found);
    }

    private bool ReadEscapedString(ReadOnlySpan<byte> buffer, int start, int found)
    {
        int j = start + found;
        while (found >= 0)
        {
            byte c = buffer[j];
            if (c == (byte)'"')
            {
                _valueStart = start;
                _valueLength = j - start;
                _position = j + 1;
                _escaped = true;
                return true;
            }

            if (c != (byte)'\\' || (uint)(j + 1) >= (uint)buffer.Length)
            {
                break; // a control character, or the input ends in an escape
            }

            byte e = buffer[j + 1];
            if (e == (byte)'u')
            {
                if (j + 6 > buffer.Length || !IsHex(buffer[j + 2]) || !IsHex(buffer[j + 3]) || !IsHex(buffer[j + 4]) || !IsHex(buffer[j + 5]))
                {
                    break;
                }

                j += 6;
            }
            else if (e is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t')
            {
                j += 2;
            }
            else
            {
                break;
            }

            found = buffer[j..].IndexOfAny(StringSpecials);
            j += found;
        }

        return ThrowMalformed();
    }

    private static bool IsHex(byte c) => (uint)(c - '0') <= 9 || (uint)((c | 0x20) - 'a') <= 5;

    private bool ReadLiteral(ReadOnlySpan<byte> buffer, int i, ReadOnlySpan<byte> literal, JsonTokenType token)
    {
        if (!buffer[i..].StartsWith(literal))
        {
            return ThrowMalformed();
        }

        _tokenType = token;
        _valueStart = i;
        _valueLength = literal.Length;
        _position = i + literal.Length;
        return true;
    }

    // RFC 8259: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?, then a delimiter or the end of a root number.
    private bool ReadNumber(ReadOnlySpan<byte> buffer, int i)
    {
        int j = i;
        if (buffer[j] == (byte)'-')
        {
            j++;
        }

        if ((uint)j >= (uint)buffer.Length)
        {
            return ThrowMalformed();
        }

        if (buffer[j] == (byte)'0')
        {
            j++;
        }
        else if (buffer[j] - (uint)'1' <= 8)
        {
            j = Digits(buffer, j + 1);
        }
        else
        {
            return ThrowMalformed();
        }

        if ((uint)j < (uint)buffer.Length && buffer[j] == (byte)'.')
        {
            int k = Digits(buffer, j + 1);
            if (k == j + 1)
            {
                return ThrowMalformed();
            }

            j = k;
        }

        if ((uint)j < (uint)buffer.Length && (buffer[j] | 0x20) == (byte)'e')
        {
            j++;
            if ((uint)j < (uint)buffer.Length && buffer[j] is (byte)'+' or (byte)'-')
            {
                j++;
            }

            int k = Digits(buffer, j);
            if (k == j)
            {
                return ThrowMalformed();
            }

            j = k;
        }

        // Utf8JsonReader refuses a number that ends the input inside a container at the number itself.
        if ((uint)j < (uint)buffer.Length
            ? buffer[j] is not ((byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'/')
            : _depth > 0)
        {
            return ThrowMalformed();
        }

        _tokenType = JsonTokenType.Number;
        _valueStart = i;
        _valueLength = j - i;
        _position = j;
        return true;
    }

    private static int Digits(ReadOnlySpan<byte> buffer, int j)
    {
        while ((uint)j < (uint)buffer.Length && buffer[j] - (uint)'0' <= 9)
        {
            j++;
        }

        return j;
    }

    // The cold path of every syntax error: Utf8JsonReader reads the same bytes, and its exception (message, line and
    // position) is the one thrown, so errors read exactly as they did before this reader existed.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly bool ThrowMalformed()
    {
        var reader = new Utf8JsonReader(_buffer, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = MaxDepth });
        while (reader.Read())
        {
        }

        // Unreachable when both readers agree, which the differential tests check.
        throw new JsonException("The JSON text is not well-formed at byte " + _position.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
    }
}
