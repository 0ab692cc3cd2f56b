using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Antom.Contracts.Serialization;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>
/// The library's own JSON writer: byte for byte what <see cref="Utf8JsonWriter"/> (compact, default encoder) writes
/// for the same calls, commas right at every depth, growing past its first buffer, and safe to re-enter.
/// </summary>
public class ContractJsonWriterTests
{
    private static readonly JsonEncodedText A = JsonEncodedText.Encode("a");
    private static readonly JsonEncodedText B = JsonEncodedText.Encode("b");
    private static readonly JsonEncodedText C = JsonEncodedText.Encode("c");

    [Fact]
    public void Every_single_char_is_escaped_exactly_as_Utf8JsonWriter_escapes_it()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            string value = ((char)c).ToString();
            AssertSameString(value);
            AssertSameString("x" + value + "y");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain ASCII text, digits 0123456789 and /?:;=@#$%^*()[]{}|~_-.!")]
    [InlineData("quote \" backslash \\ slash / amp & apos ' plus + lt < gt > backtick ` del \u007F")]
    [InlineData("\b\t\n\f\r\u0000\u0001\u001F")]
    [InlineData("São Paulo, Zürich, 東京, Ελλάδα, ₹100")]
    [InlineData("emoji \U0001F600 and \U0001F4B3 pairs")]
    [InlineData("\U0001F600")]
    [InlineData("lone high \uD83D at the middle")]
    [InlineData("lone high at the end \uD83D")]
    [InlineData("\uDE00 lone low at the start")]
    [InlineData("reversed pair \uDE00\uD83D")]
    [InlineData("two highs \uD83D\uD83D\uDE00")]
    [InlineData("ASCII first, then é, then \" and & after a non-ASCII char")]
    public void Awkward_strings_are_written_as_Utf8JsonWriter_writes_them(string value)
    {
        AssertSameString(value);
        AssertSameString(value + new string('a', 3000)); // past the first buffer
        AssertSameName(value);
    }

    [Fact]
    public void Every_ASCII_char_in_one_string_and_as_a_property_name()
    {
        string all = new(Enumerable.Range(0, 128).Select(i => (char)i).ToArray());
        AssertSameString(all);
        AssertSameName(all);
    }

    [Fact]
    public void A_lone_surrogate_is_written_as_the_replacement_character()
    {
        // Decided to match Utf8JsonWriter rather than refuse: the default encoder writes U+FFFD for it.
        var writer = new ContractJsonWriter();
        writer.WriteStringValue("a\uD800b");
        Assert.Equal("\"a\\uFFFDb\"", Encoding.UTF8.GetString(writer.WrittenSpan));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(42L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void Integers_are_written_as_Utf8JsonWriter_writes_them(long value)
        => AssertSame(w => w.WriteNumberValue(value), w => w.WriteNumberValue(value));

    [Theory]
    [InlineData("0")]
    [InlineData("0.0")]
    [InlineData("1.50")]
    [InlineData("-0.0001")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("123456789.123456789")]
    public void Decimals_keep_their_scale_as_Utf8JsonWriter_writes_them(string text)
    {
        decimal value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        AssertSame(w => w.WriteNumberValue(value), w => w.WriteNumberValue(value));
    }

    [Fact]
    public void Empty_objects_and_arrays()
    {
        AssertSame(w => { w.WriteStartObject(); w.WriteEndObject(); }, w => { w.WriteStartObject(); w.WriteEndObject(); });
        AssertSame(w => { w.WriteStartArray(); w.WriteEndArray(); }, w => { w.WriteStartArray(); w.WriteEndArray(); });
        AssertSame(
            w => { w.WriteStartArray(); w.WriteStartObject(); w.WriteEndObject(); w.WriteStartArray(); w.WriteEndArray(); w.WriteStartObject(); w.WriteEndObject(); w.WriteEndArray(); },
            w => { w.WriteStartArray(); w.WriteStartObject(); w.WriteEndObject(); w.WriteStartArray(); w.WriteEndArray(); w.WriteStartObject(); w.WriteEndObject(); w.WriteEndArray(); });
    }

    [Fact]
    public void Commas_are_right_across_nesting()
    {
        AssertSame(
            w =>
            {
                w.WriteStartObject();
                w.WriteNumber(A, 1);
                w.WritePropertyName(B);
                w.WriteStartArray();
                w.WriteNumberValue(1);
                w.WriteStartObject();
                w.WriteEndObject();
                w.WriteStartArray();
                w.WriteEndArray();
                w.WriteStartObject();
                w.WriteNull(C);
                w.WriteBoolean(A, false);
                w.WriteEndObject();
                w.WriteStringValue("x");
                w.WriteStringValue(C);
                w.WriteBooleanValue(true);
                w.WriteNullValue();
                w.WriteNumberValue(1.5m);
                w.WriteRawValue("{\"raw\":[1, 2]}"u8);
                w.WriteEndArray();
                w.WritePropertyName(C);
                w.WriteStartObject();
                w.WritePropertyName("key \"1\"");
                w.WriteStartObject();
                w.WriteString(A, "v");
                w.WriteString(B, C);
                w.WriteEndObject();
                w.WritePropertyName("key2");
                w.WriteStartArray();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteNumber(B, 2.50m);
                w.WriteEndObject();
            },
            w =>
            {
                w.WriteStartObject();
                w.WriteNumber(A, 1);
                w.WritePropertyName(B);
                w.WriteStartArray();
                w.WriteNumberValue(1);
                w.WriteStartObject();
                w.WriteEndObject();
                w.WriteStartArray();
                w.WriteEndArray();
                w.WriteStartObject();
                w.WriteNull(C);
                w.WriteBoolean(A, false);
                w.WriteEndObject();
                w.WriteStringValue("x");
                w.WriteStringValue(C);
                w.WriteBooleanValue(true);
                w.WriteNullValue();
                w.WriteNumberValue(1.5m);
                w.WriteRawValue("{\"raw\":[1, 2]}"u8, skipInputValidation: true);
                w.WriteEndArray();
                w.WritePropertyName(C);
                w.WriteStartObject();
                w.WritePropertyName("key \"1\"");
                w.WriteStartObject();
                w.WriteString(A, "v");
                w.WriteString(B, C);
                w.WriteEndObject();
                w.WritePropertyName("key2");
                w.WriteStartArray();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteNumber(B, 2.50m);
                w.WriteEndObject();
            });
    }

    [Fact]
    public void Reset_starts_again_with_no_comma()
    {
        var writer = new ContractJsonWriter();
        writer.WriteStartArray();
        writer.WriteNumberValue(1);
        writer.Reset();
        writer.WriteNumberValue(2);
        Assert.Equal("2", Encoding.UTF8.GetString(writer.WrittenSpan));
    }

    [Fact]
    public void A_large_inquiry_grows_the_buffer_and_writes_the_same_bytes()
    {
        InquiryPaymentResponse large = LargeInquiry(200);
        byte[] expected = AntomJson.SerializeToUtf8Bytes(large);
        Assert.True(expected.Length > 64 * 1024, $"{expected.Length} bytes: not large enough to grow the buffer several times");

        var tiny = new ContractJsonWriter(1);
        WriteWith(tiny, large);
        Assert.Equal(expected, tiny.WrittenSpan.ToArray());

        // The same bytes the value has when written through System.Text.Json's converter, and it reads back equal.
        Assert.Equal(expected, JsonSerializer.SerializeToUtf8Bytes(large, AntomJson.Options));
        Assert.Equal(large, AntomJson.Deserialize<InquiryPaymentResponse>(expected));

        // And the thread's writer, grown once, still writes a small value right.
        InquiryPaymentResponse small = LargeInquiry(1);
        Assert.Equal(AntomJson.Serialize(small), Encoding.UTF8.GetString(AntomJson.SerializeToUtf8Bytes(small)));
    }

    [Fact]
    public void A_serialize_inside_another_on_the_same_thread_corrupts_neither()
    {
        InquiryPaymentResponse outer = LargeInquiry(20);
        InquiryPaymentResponse inner = LargeInquiry(3);
        byte[] outerAlone = AntomJson.SerializeToUtf8Bytes(outer);
        byte[] innerAlone = AntomJson.SerializeToUtf8Bytes(inner);

        var nested = new ArrayBufferWriter<byte>();
        byte[]? innerBytes = null;
        string? innerText = null;
        byte[]? innerThroughStj = null;
        var reentering = new ReenteringBufferWriter(() =>
        {
            innerBytes = AntomJson.SerializeToUtf8Bytes(inner);
            innerText = AntomJson.Serialize(inner);
            AntomJson.Serialize(nested, inner);
            innerThroughStj = JsonSerializer.SerializeToUtf8Bytes(inner, AntomJson.Options);
        });

        AntomJson.Serialize(reentering, outer);

        Assert.Equal(outerAlone, reentering.Written.WrittenSpan.ToArray());
        Assert.Equal(innerAlone, innerBytes);
        Assert.Equal(Encoding.UTF8.GetString(innerAlone), innerText);
        Assert.Equal(innerAlone, nested.WrittenSpan.ToArray());
        Assert.Equal(innerAlone, innerThroughStj);

        // Afterwards, the thread's writer still writes both right.
        Assert.Equal(outerAlone, AntomJson.SerializeToUtf8Bytes(outer));
        Assert.Equal(innerAlone, AntomJson.SerializeToUtf8Bytes(inner));
    }

    [Fact]
    public void An_indenting_Utf8JsonWriter_gets_the_value_compact()
    {
        InquiryPaymentResponse value = LargeInquiry(1);
        string compact = AntomJson.Serialize(value);
        var indenting = new JsonSerializerOptions(AntomJson.Options) { WriteIndented = true };
        Assert.Equal(compact, JsonSerializer.Serialize(value, indenting));

        // Inside a caller's indenting writer: each value is one raw, compact value (Utf8JsonWriter puts no line
        // break before a raw value), and the whole is still well-formed JSON.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            JsonSerializer.Serialize(writer, value, indenting);
            JsonSerializer.Serialize(writer, value, indenting);
            writer.WriteEndArray();
        }

        using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
        Assert.Equal([compact, compact], document.RootElement.EnumerateArray().Select(e => e.GetRawText()).ToArray());
    }

    private static void WriteWith<T>(ContractJsonWriter writer, T value)
        where T : IAntomJsonContract<T>
        => T.WriteJson(writer, value);

    private static InquiryPaymentResponse LargeInquiry(int transactions)
    {
        string examples = Path.Combine(AppContext.BaseDirectory, "examples", "inquiry-payment-response", "valid");
        InquiryPaymentResponse seed = AntomJson.Deserialize<InquiryPaymentResponse>(File.ReadAllBytes(Path.Combine(examples, "seed-transactions.json")));
        PaymentTransaction[] all = Enumerable.Range(0, transactions)
            .Select(i => seed.Transactions![i % seed.Transactions.Count] with { TransactionId = "tx-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + " <&> é \U0001F600" })
            .ToArray();
        return seed with { Transactions = ValueList.Create<PaymentTransaction>(all) };
    }

    private static void AssertSameString(string value) => AssertSame(w => w.WriteStringValue(value), w => w.WriteStringValue(value));

    private static void AssertSameName(string name)
        => AssertSame(
            w => { w.WriteStartObject(); w.WritePropertyName(name); w.WriteStringValue(name); w.WriteString(A, name); w.WriteEndObject(); },
            w => { w.WriteStartObject(); w.WritePropertyName(name); w.WriteStringValue(name); w.WriteString(A, name); w.WriteEndObject(); });

    private static void AssertSame(Action<ContractJsonWriter> ours, Action<Utf8JsonWriter> theirs)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            theirs(writer);
        }

        var contract = new ContractJsonWriter(8);
        ours(contract);
        if (!buffer.WrittenSpan.SequenceEqual(contract.WrittenSpan))
        {
            Assert.Equal(Encoding.UTF8.GetString(buffer.WrittenSpan), Encoding.UTF8.GetString(contract.WrittenSpan));
            Assert.Equal(buffer.WrittenSpan.ToArray(), contract.WrittenSpan.ToArray());
        }
    }

    // A caller's buffer writer that serializes something else the first time it is asked for room.
    private sealed class ReenteringBufferWriter(Action reenter) : IBufferWriter<byte>
    {
        private Action? _reenter = reenter;

        public ArrayBufferWriter<byte> Written { get; } = new();

        public void Advance(int count) => Written.Advance(count);

        public Memory<byte> GetMemory(int sizeHint = 0) => Written.GetMemory(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Action? reenter = _reenter;
            _reenter = null;
            reenter?.Invoke();
            return Written.GetSpan(sizeHint);
        }
    }
}
