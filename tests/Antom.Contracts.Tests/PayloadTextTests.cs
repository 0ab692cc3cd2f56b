using System;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>Text that is not Unicode never passes silently: not read from a string, not carried in raw JSON and written out.</summary>
public sealed class PayloadTextTests
{
    private const string Capture = """{"captureRequestId":"cap-1","paymentId":"pay-1","captureAmount":{"currency":"BRL","value":"110"}}""";

    [Fact]
    public void Deserialize_of_a_string_with_a_lone_surrogate_is_refused_not_read_as_U_FFFD()
    {
        string json = Capture.Replace("pay-1", "pay-\uD800", StringComparison.Ordinal);

        // System.Text.Json refuses to transcode it; reading it as U+FFFD would change the payment id silently.
        Assert.ThrowsAny<Exception>(() => JsonSerializer.Deserialize<CaptureRequest>(json, AntomJson.Options));
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<CaptureRequest>(json));
        Assert.Equal(PayloadRule.Syntax, e.Rule);
    }

    [Fact]
    public void RawJson_Parse_refuses_invalid_UTF8_so_that_it_is_never_written()
    {
        byte[] invalid = [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xFF, (byte)'"', (byte)'}'];
        Assert.Throws<ArgumentException>(() => RawJson.Parse(invalid));
    }
}
