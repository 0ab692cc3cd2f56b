using System;
using System.Buffers;
using System.Buffers.Text;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Antom.Contracts.Serialization;

/// <summary>
/// The compact JSON writer that generated writers write with: straight into a byte buffer it owns, grown by doubling,
/// with no validation, indentation or state beyond whether the next value needs a comma. Public for generated code in
/// consumers' assemblies; not for direct use (it writes whatever it is told, valid JSON or not).
/// </summary>
/// <remarks>
/// <para>The bytes are exactly those <see cref="Utf8JsonWriter"/> (compact, default encoder) writes for the same
/// calls: strings are escaped by the rules of <see cref="System.Text.Encodings.Web.JavaScriptEncoder.Default"/>
/// (control characters, <c>"</c>, <c>\</c>, <c>&amp;</c>, <c>'</c>, <c>&lt;</c>, <c>&gt;</c>, <c>+</c>, the backtick,
/// DEL and every non-ASCII character as <c>\uXXXX</c> in upper-case hex; <c>\b \t \n \f \r \\</c> short), a lone
/// surrogate is written as <c>\uFFFD</c>, numbers as <see cref="Utf8Formatter"/> formats them.</para>
/// <para><see cref="AntomJson"/> keeps one per thread; a call made while that one is in use (from inside a caller's
/// buffer writer, say) gets a writer of its own.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ContractJsonWriter
{
    private const int InitialCapacity = 2048;

    // A writer whose buffer grew past this is not kept for the thread: one huge value does not pin its buffer.
    private const int MaxRetainedCapacity = 1024 * 1024;

    // The ASCII bytes the default encoder escapes: controls, DEL, and " & ' + < > \ `.
    private static readonly SearchValues<byte> EscapedAscii = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\"&'+<>\\`\u007F"u8);

    [ThreadStatic]
    private static ContractJsonWriter? t_cached;

    private byte[] _buffer;
    private int _written;
    private bool _comma; // a value ended at the current depth: the next value or property needs a comma first

    /// <summary>Creates a writer with an empty buffer.</summary>
    public ContractJsonWriter()
        : this(InitialCapacity)
    {
    }

    /// <summary>Creates a writer whose buffer starts at <paramref name="initialCapacity"/> bytes (at least 1).</summary>
    public ContractJsonWriter(int initialCapacity)
    {
        _buffer = new byte[Math.Max(1, initialCapacity)];
    }

    /// <summary>The bytes written since the writer was created or last <see cref="Reset"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => new(_buffer, 0, _written);

    /// <summary>How many bytes have been written.</summary>
    public int WrittenCount => _written;

    /// <summary>Forgets what was written; the buffer is kept.</summary>
    public void Reset()
    {
        _written = 0;
        _comma = false;
    }

    // ---- structure --------------------------------------------------------------------------------------------------

    /// <summary>Writes <c>{</c>.</summary>
    public void WriteStartObject() => WriteStart((byte)'{');

    /// <summary>Writes <c>}</c>.</summary>
    public void WriteEndObject() => WriteEnd((byte)'}');

    /// <summary>Writes <c>[</c>.</summary>
    public void WriteStartArray() => WriteStart((byte)'[');

    /// <summary>Writes <c>]</c>.</summary>
    public void WriteEndArray() => WriteEnd((byte)']');

    /// <summary>Writes a pre-encoded property name and its colon.</summary>
    public void WritePropertyName(JsonEncodedText propertyName) => WriteName(propertyName.EncodedUtf8Bytes);

    /// <summary>Writes a property name (escaped as a string is) and its colon.</summary>
    public void WritePropertyName(string propertyName)
    {
        ArgumentNullException.ThrowIfNull(propertyName);
        WriteComma();
        WriteQuoted(propertyName);
        Ensure(1);
        _buffer[_written++] = (byte)':';
        _comma = false;
    }

    // ---- properties -------------------------------------------------------------------------------------------------

    /// <summary>Writes a string property.</summary>
    public void WriteString(JsonEncodedText propertyName, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteName(propertyName.EncodedUtf8Bytes);
        WriteQuoted(value);
        _comma = true;
    }

    /// <summary>Writes a string property whose value is pre-encoded.</summary>
    public void WriteString(JsonEncodedText propertyName, JsonEncodedText value)
    {
        WriteName(propertyName.EncodedUtf8Bytes);
        WriteQuotedEncoded(value.EncodedUtf8Bytes);
    }

    /// <summary>Writes an integer property.</summary>
    public void WriteNumber(JsonEncodedText propertyName, long value)
    {
        WriteName(propertyName.EncodedUtf8Bytes);
        WriteNumberValue(value);
    }

    /// <summary>Writes a number property exactly, its scale kept (1.50 stays 1.50).</summary>
    public void WriteNumber(JsonEncodedText propertyName, decimal value)
    {
        WriteName(propertyName.EncodedUtf8Bytes);
        WriteNumberValue(value);
    }

    /// <summary>Writes a boolean property.</summary>
    public void WriteBoolean(JsonEncodedText propertyName, bool value)
    {
        WriteName(propertyName.EncodedUtf8Bytes);
        WriteBooleanValue(value);
    }

    /// <summary>Writes a <c>null</c> property.</summary>
    public void WriteNull(JsonEncodedText propertyName)
    {
        WriteName(propertyName.EncodedUtf8Bytes);
        WriteNullValue();
    }

    // ---- values -----------------------------------------------------------------------------------------------------

    /// <summary>Writes a string value.</summary>
    public void WriteStringValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteComma();
        WriteQuoted(value);
        _comma = true;
    }

    /// <summary>Writes a pre-encoded string value.</summary>
    public void WriteStringValue(JsonEncodedText value) => WriteQuotedEncoded(value.EncodedUtf8Bytes);

    /// <summary>Writes an integer value.</summary>
    public void WriteNumberValue(long value)
    {
        Ensure(21);
        int at = _written;
        if (_comma)
        {
            _buffer[at++] = (byte)',';
        }

        bool formatted = Utf8Formatter.TryFormat(value, _buffer.AsSpan(at), out int length);
        System.Diagnostics.Debug.Assert(formatted, "a long fits 20 bytes");
        _written = at + length;
        _comma = true;
    }

    /// <summary>Writes a number value exactly, its scale kept (1.50 stays 1.50).</summary>
    public void WriteNumberValue(decimal value)
    {
        Ensure(65);
        int at = _written;
        if (_comma)
        {
            _buffer[at++] = (byte)',';
        }

        bool formatted = Utf8Formatter.TryFormat(value, _buffer.AsSpan(at), out int length);
        System.Diagnostics.Debug.Assert(formatted, "a decimal fits 64 bytes");
        _written = at + length;
        _comma = true;
    }

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    public void WriteBooleanValue(bool value) => WriteLiteral(value ? "true"u8 : "false"u8);

    /// <summary>Writes <c>null</c>.</summary>
    public void WriteNullValue() => WriteLiteral("null"u8);

    /// <summary>Writes <paramref name="utf8Json"/> as a value, unchecked: it must be one complete JSON value.</summary>
    public void WriteRawValue(ReadOnlySpan<byte> utf8Json) => WriteLiteral(utf8Json);

    // ---- for the runtime's steps ------------------------------------------------------------------------------------

    /// <summary>Room for <paramref name="length"/> bytes of one value after its comma (if one is needed); finish with <see cref="EndValue"/>.</summary>
    internal Span<byte> BeginValue(int length)
    {
        Ensure(length + 1);
        if (_comma)
        {
            _buffer[_written++] = (byte)',';
        }

        return _buffer.AsSpan(_written, length);
    }

    /// <summary>Ends a value begun with <see cref="BeginValue"/>, of <paramref name="length"/> bytes.</summary>
    internal void EndValue(int length)
    {
        _written += length;
        _comma = true;
    }

    /// <summary>The thread's writer, reset; a new one when it is in use (a call from inside another).</summary>
    internal static ContractJsonWriter Rent()
    {
        ContractJsonWriter? writer = t_cached;
        if (writer is null)
        {
            return new ContractJsonWriter();
        }

        t_cached = null;
        writer.Reset();
        return writer;
    }

    /// <summary>Gives a writer from <see cref="Rent"/> back to the thread.</summary>
    internal static void Return(ContractJsonWriter writer)
    {
        if (writer._buffer.Length <= MaxRetainedCapacity)
        {
            t_cached = writer;
        }
    }

    // ---- internals --------------------------------------------------------------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Ensure(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _written))
        {
            Grow(count);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int count)
    {
        int needed = checked(_written + count);
        int size = Math.Max(needed, (int)Math.Min((long)_buffer.Length * 2, Array.MaxLength));
        byte[] grown = new byte[size];
        _buffer.AsSpan(0, _written).CopyTo(grown);
        _buffer = grown;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteComma()
    {
        if (_comma)
        {
            Ensure(1);
            _buffer[_written++] = (byte)',';
        }
    }

    private void WriteStart(byte token)
    {
        Ensure(2);
        int at = _written;
        if (_comma)
        {
            _buffer[at++] = (byte)',';
        }

        _buffer[at] = token;
        _written = at + 1;
        _comma = false;
    }

    private void WriteEnd(byte token)
    {
        Ensure(1);
        _buffer[_written++] = token;
        _comma = true;
    }

    // ,"name": (the comma when needed), the name already encoded. After Ensure the room is known, so the bytes are
    // stored without bounds checks.
    private void WriteName(ReadOnlySpan<byte> encoded)
    {
        int length = encoded.Length;
        Ensure(length + 4);
        ref byte at = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), _written);
        int comma = _comma ? 1 : 0;
        at = (byte)',';
        Unsafe.Add(ref at, comma) = (byte)'"';
        Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref at, comma + 1), ref MemoryMarshal.GetReference(encoded), (uint)length);
        Unsafe.Add(ref at, comma + 1 + length) = (byte)'"';
        Unsafe.Add(ref at, comma + 2 + length) = (byte)':';
        _written += comma + 3 + length;
        _comma = false;
    }

    // "value" after the comma (if one is needed), the value already encoded.
    private void WriteQuotedEncoded(ReadOnlySpan<byte> encoded)
    {
        int length = encoded.Length;
        Ensure(length + 3);
        ref byte at = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), _written);
        int comma = _comma ? 1 : 0;
        at = (byte)',';
        Unsafe.Add(ref at, comma) = (byte)'"';
        Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref at, comma + 1), ref MemoryMarshal.GetReference(encoded), (uint)length);
        Unsafe.Add(ref at, comma + 1 + length) = (byte)'"';
        _written += comma + 2 + length;
        _comma = true;
    }

    private void WriteLiteral(ReadOnlySpan<byte> utf8)
    {
        int length = utf8.Length;
        Ensure(length + 1);
        ref byte at = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), _written);
        int comma = _comma ? 1 : 0;
        at = (byte)',';
        Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref at, comma), ref MemoryMarshal.GetReference(utf8), (uint)length);
        _written += comma + length;
        _comma = true;
    }

    // "value", escaped; the comma (if any) is already written. The common case, ASCII that needs no escaping, is two
    // vectorized passes: narrow into the buffer, then look for a byte to escape.
    private void WriteQuoted(string value)
    {
        int length = value.Length;
        Ensure(length + 2);
        int at = _written;
        Span<byte> destination = _buffer.AsSpan(at + 1, length);
        if (Ascii.FromUtf16(value, destination, out _) == OperationStatus.Done && !destination.ContainsAny(EscapedAscii))
        {
            _buffer[at] = (byte)'"';
            _buffer[at + length + 1] = (byte)'"';
            _written = at + length + 2;
            return;
        }

        WriteEscaped(value);
    }

    // The slow path: every char, escaped as Utf8JsonWriter with the default encoder escapes it (at most 6 bytes each).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WriteEscaped(string value)
    {
        Ensure(checked((value.Length * 6) + 2));
        byte[] buffer = _buffer;
        int at = _written;
        buffer[at++] = (byte)'"';
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c < 0x80 && !EscapedAscii.Contains((byte)c))
            {
                buffer[at++] = (byte)c;
                continue;
            }

            buffer[at++] = (byte)'\\';
            switch (c)
            {
                case '\b': buffer[at++] = (byte)'b'; continue;
                case '\t': buffer[at++] = (byte)'t'; continue;
                case '\n': buffer[at++] = (byte)'n'; continue;
                case '\f': buffer[at++] = (byte)'f'; continue;
                case '\r': buffer[at++] = (byte)'r'; continue;
                case '\\': buffer[at++] = (byte)'\\'; continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                // A surrogate pair: both halves, each as \uXXXX.
                at = WriteHex(buffer, at, c);
                buffer[at++] = (byte)'\\';
                c = value[++i];
            }
            else if (char.IsSurrogate(c))
            {
                c = '\uFFFD'; // a lone surrogate is not text: the replacement character, as the default encoder writes it
            }

            at = WriteHex(buffer, at, c);
        }

        buffer[at++] = (byte)'"';
        _written = at;
    }

    // u and four upper-case hex digits.
    private static int WriteHex(byte[] buffer, int at, char c)
    {
        buffer[at] = (byte)'u';
        buffer[at + 1] = HexDigit(c >> 12);
        buffer[at + 2] = HexDigit((c >> 8) & 0xF);
        buffer[at + 3] = HexDigit((c >> 4) & 0xF);
        buffer[at + 4] = HexDigit(c & 0xF);
        return at + 5;
    }

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'A' + value - 10);
}
