using System;
using System.Text.Json;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>
/// The bridge from <see cref="Utf8JsonReader"/> (the converters behind <see cref="AntomJson.Options"/>) must refuse
/// what <see cref="AntomJson.Deserialize{T}(ReadOnlySpan{byte})"/> refuses: invalid UTF-8 anywhere in the value,
/// including bytes the contract's reader never decodes (pass-through raw JSON, unknown properties).
/// </summary>
public sealed class ReaderBridgeTests
{
    private static readonly byte[] Head = """{"captureRequestId":"cap-1","paymentId":"pay-1","captureAmount":{"currency":"BRL","value":"110"},"""u8.ToArray();

    // "transit":{"note":"<0xFF>"}} : invalid UTF-8 inside a raw JSON member, carried through byte for byte.
    private static byte[] InvalidUtf8InRawJson() => [.. Head, .. "\"transit\":{\"note\":\""u8, 0xFF, .. "\"}}"u8];

    // "unknown":"<0xC3 0x28>"} : invalid UTF-8 inside a property the contract does not know (skipped, never decoded).
    private static byte[] InvalidUtf8InUnknownProperty() => [.. Head, .. "\"unknown\":\""u8, 0xC3, 0x28, .. "\"}"u8];

    [Fact]
    public void Stj_bridge_refuses_invalid_UTF8_inside_raw_json_as_AntomJson_does()
    {
        byte[] json = InvalidUtf8InRawJson();
        Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<CaptureRequest>(json));
        Assert.Throws<AntomPayloadException>(() => JsonSerializer.Deserialize<CaptureRequest>(json, AntomJson.Options));
    }

    [Fact]
    public void Stj_bridge_refuses_invalid_UTF8_in_an_unknown_property_as_AntomJson_does()
    {
        byte[] json = InvalidUtf8InUnknownProperty();
        Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<CaptureRequest>(json));
        Assert.Throws<AntomPayloadException>(() => JsonSerializer.Deserialize<CaptureRequest>(json, AntomJson.Options));
    }

    [Fact]
    public void Stj_bridge_refuses_invalid_UTF8_in_an_unknown_member_of_an_amount()
    {
        byte[] json = [.. "{\"currency\":\"BRL\",\"value\":\"110\",\"note\":\""u8, 0xFF, .. "\"}"u8];
        Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<Money>(json));
        Assert.Throws<AntomPayloadException>(() => JsonSerializer.Deserialize<Money>(json, AntomJson.Options));
    }

    [Fact]
    public void Stj_bridge_refuses_invalid_UTF8_in_the_second_element_of_an_array()
    {
        byte[] valid = [.. Head, .. "\"transit\":{\"note\":\"\u00e9\"}}"u8];
        byte[] json = [(byte)'[', .. valid, (byte)',', .. InvalidUtf8InRawJson(), (byte)']'];
        var reader = new Utf8JsonReader(json);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.Equal("{\"note\":\"\u00e9\"}", Antom.Contracts.Serialization.ContractReader.ReadValue<CaptureRequest>(ref reader).Transit!.ToString());
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.StartObject, reader.TokenType);
        try
        {
            Antom.Contracts.Serialization.ContractReader.ReadValue<CaptureRequest>(ref reader);
            Assert.Fail("invalid UTF-8 in the second element was accepted");
        }
        catch (AntomPayloadException)
        {
        }
    }

    [Fact]
    public void Stj_bridge_still_reads_valid_values_from_multi_segment_input()
    {
        byte[] one = [.. Head, .. "\"transit\":{\"note\":\"\u00e9\"}}"u8];

        // The bytes split into one-byte segments, read by a multi-segment Utf8JsonReader.
        var reader = new Utf8JsonReader(Segments(one), new JsonReaderOptions());
        Assert.True(reader.Read());
        CaptureRequest single = Antom.Contracts.Serialization.ContractReader.ReadValue<CaptureRequest>(ref reader);
        Assert.Equal("pay-1", single.PaymentId);
        Assert.Equal("{\"note\":\"\u00e9\"}", single.Transit!.ToString());
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.False(reader.Read());

        byte[] invalid = InvalidUtf8InRawJson();
        Assert.Throws<AntomPayloadException>(() =>
        {
            var segmented = new Utf8JsonReader(Segments(invalid), new JsonReaderOptions());
            segmented.Read();
            return Antom.Contracts.Serialization.ContractReader.ReadValue<CaptureRequest>(ref segmented);
        });
    }

    [Fact]
    public void Stj_bridge_reports_a_lone_surrogate_escape_in_a_closed_enum_as_a_payload_error()
    {
        // AntomJson reads it inside a contract as a Syntax error at the member; alone through JsonSerializer it must
        // be an AntomPayloadException too, not System.Text.Json's own wrapping of an InvalidOperationException.
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => JsonSerializer.Deserialize<ResultStatus>("\"\\ud800\"", AntomJson.Options));
        Assert.Equal(PayloadRule.Syntax, e.Rule);
    }

    private static System.Buffers.ReadOnlySequence<byte> Segments(byte[] bytes)
    {
        Segment first = new(bytes.AsMemory(0, 1), 0);
        Segment last = first;
        for (int i = 1; i < bytes.Length; i++)
        {
            last = last.Append(bytes.AsMemory(i, 1));
        }

        return new System.Buffers.ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : System.Buffers.ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
