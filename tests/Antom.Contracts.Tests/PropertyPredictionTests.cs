using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Antom.Contracts.Serialization;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>
/// Generated readers expect the properties in the order payloads came in before (<see cref="PropertyCursor"/>): a
/// guess checked against the bytes. These tests read the same content in orders, spacings and spellings that make the
/// guess right, wrong and stale, from several threads at once, and require the same record or the same error every time.
/// </summary>
public sealed class PropertyPredictionTests
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "examples");

    private static JsonObject Example(string contract, string file)
        => JsonNode.Parse(File.ReadAllText(Path.Combine(Examples, contract, "valid", file)))!.AsObject();

    private static byte[] InOrder(JsonObject source, IEnumerable<string> names)
    {
        var o = new JsonObject();
        foreach (string name in names)
        {
            o[name] = source[name]!.DeepClone();
        }

        return Encoding.UTF8.GetBytes(o.ToJsonString());
    }

    [Fact]
    public void Every_order_reads_the_same_record()
    {
        JsonObject source = Example("inquiry-payment-response", "seed-transactions.json");
        InquiryPaymentResponse expected = AntomJson.Deserialize<InquiryPaymentResponse>(Encoding.UTF8.GetBytes(source.ToJsonString()));
        string[] names = source.Select(p => p.Key).ToArray();
        var random = new Random(20261127);
        for (int n = 0; n < 300; n++)
        {
            // Each shuffle teaches the table another order; the next one is read against it.
            byte[] json = InOrder(source, names.OrderBy(_ => random.Next()));
            InquiryPaymentResponse read = AntomJson.Deserialize<InquiryPaymentResponse>(json);
            Assert.Equal(expected, read);
            Assert.Equal(AntomJson.SerializeToUtf8Bytes(expected), AntomJson.SerializeToUtf8Bytes(read));
        }
    }

    [Theory]
    [InlineData("""{"captureRequestId":"c1","paymentId":"p1","captureAmount":{"currency":"BRL","value":"6000"},"isLastCapture":false}""")]
    [InlineData("""{ "captureRequestId" : "c1" , "paymentId":"p1","captureAmount":{"currency":"BRL","value":"6000"},"isLastCapture":false}""")]
    [InlineData("""{"captureRequestId":"c1",  "paymentId":"p1","captureAmount":{"currency":"BRL","value":"6000"},"isLastCapture":false}""")]
    [InlineData("{\n  \"captureRequestId\": \"c1\",\n  \"paymentId\": \"p1\",\n  \"captureAmount\": {\"currency\": \"BRL\", \"value\": \"6000\"},\n  \"isLastCapture\": false\n}")]
    [InlineData("""{"captureRequest\u0049d":"c1","paymentId":"p1","captureAmount":{"currency":"BRL","value":"6000"},"isLastCapture":false}""")]
    [InlineData("""{"captureRequestIdX":"other","captureRequestId":"c1","paymentId":"p1","captureAmount":{"currency":"BRL","value":"6000"},"isLastCapture":false}""")]
    [InlineData("""{"captureRequestId":"c1","captureRequestI":"other","paymentId":"p1","captureAmount":{"currency":"BRL","value":"6000"},"isLastCapture":false}""")]
    [InlineData("""{"isLastCapture":false,"captureAmount":{"currency":"BRL","value":"6000"},"paymentId":"p1","captureRequestId":"c1"}""")]
    public void Spacing_escapes_and_look_alike_names_read_as_the_plain_form(string json)
    {
        CaptureRequest plain = AntomJson.Deserialize<CaptureRequest>("""{"captureRequestId":"c1","paymentId":"p1","captureAmount":{"currency":"BRL","value":"6000"},"isLastCapture":false}"""u8);
        for (int n = 0; n < 3; n++)
        {
            // Read after the plain form taught its order, then again after this one taught its own.
            Assert.Equal(plain, AntomJson.Deserialize<CaptureRequest>(Encoding.UTF8.GetBytes(json)));
            _ = AntomJson.Deserialize<CaptureRequest>("""{"captureRequestId":"c1","paymentId":"p1","captureAmount":{"currency":"BRL","value":"6000"},"isLastCapture":false}"""u8);
        }
    }

    [Theory]
    [InlineData("""{"captureRequestId":"c1","captureRequestId":"c2","paymentId":"p1","captureAmount":{"currency":"BRL","value":"6000"}}""", "$.captureRequestId")]
    [InlineData("""{"captureRequestId":"c1","paymentId":"p1","paymentId":"p1","captureAmount":{"currency":"BRL","value":"6000"}}""", "$.paymentId")]
    [InlineData("""{"captureRequestId":"c1","paymentId":"p1","captureAmount":{"currency":"BRL","value":"6000"},"captureAmount":{"currency":"BRL","value":"6000"}}""", "$.captureAmount")]
    [InlineData("""{"captureRequestId":"c1","paymentId":"p1","captureAmount":{"currency":"BRL","value":"6000"},"isLastCapture":false,"isLastCapture":true}""", "$.isLastCapture")]
    public void A_duplicate_is_refused_whether_or_not_it_was_expected(string json, string path)
    {
        // The first read teaches "the same name again" as the order; later reads expect the duplicate and must still refuse it.
        for (int n = 0; n < 3; n++)
        {
            AntomPayloadException error = Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<CaptureRequest>(Encoding.UTF8.GetBytes(json)));
            Assert.Equal(path, error.Path);
            Assert.Equal(PayloadRule.DuplicateProperty, error.Rule);
        }

        Assert.Equal("c1", AntomJson.Deserialize<CaptureRequest>("""{"captureRequestId":"c1","paymentId":"p1","captureAmount":{"currency":"BRL","value":"6000"}}"""u8).CaptureRequestId);
    }

    [Fact]
    public void Syntax_errors_right_after_an_expected_name_are_reported_as_before()
    {
        string[] broken =
        [
            """{"captureRequestId":"c1","paymentId":""",
            """{"captureRequestId":"c1","paymentId":}""",
            """{"captureRequestId":"c1","paymentId":"p1",}""",
            """{"captureRequestId":"c1","paymentId""",
            """{"captureRequestId":"c1","paymentId":"p1""",
        ];
        foreach (string json in broken)
        {
            var errors = new List<string>();
            for (int n = 0; n < 2; n++)
            {
                // Once with the table expecting paymentId next (taught by a valid read), once after the broken read.
                _ = AntomJson.Deserialize<CaptureRequest>("""{"captureRequestId":"c1","paymentId":"p1","captureAmount":{"currency":"BRL","value":"6000"}}"""u8);
                AntomPayloadException error = Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<CaptureRequest>(Encoding.UTF8.GetBytes(json)));
                Assert.Equal(PayloadRule.Syntax, error.Rule);
                errors.Add(error.Path + " " + error.Message);
            }

            Assert.Equal(errors[0], errors[1]);
        }
    }

    [Fact]
    public void Threads_reading_different_orders_at_once_all_get_their_own_record()
    {
        JsonObject source = Example("capture-result-notification", "success.json");
        string[] names = source.Select(p => p.Key).ToArray();
        byte[] forward = InOrder(source, names), backward = InOrder(source, names.Reverse());
        CaptureResultNotification expected = AntomJson.Deserialize<CaptureResultNotification>(forward);
        byte[] missingPaymentId = InOrder(source, names.Where(n => n != "paymentId"));

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            for (int n = 0; n < 2_000; n++)
            {
                switch ((n + worker) % 3)
                {
                    case 0:
                        Assert.Equal(expected, AntomJson.Deserialize<CaptureResultNotification>(forward));
                        break;
                    case 1:
                        Assert.Equal(expected, AntomJson.Deserialize<CaptureResultNotification>(backward));
                        break;
                    default:
                        Assert.Equal("$.paymentId", Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<CaptureResultNotification>(missingPaymentId)).Path);
                        break;
                }
            }
        });
    }

    [Theory]
    [InlineData("{\"a\":1}", true)]
    [InlineData("{ \"a\":1}", false)]
    [InlineData("{\"a\" :1}", false)]
    [InlineData("{\"ab\":1}", false)]
    [InlineData("{\"\\u0061\":1}", false)]
    [InlineData("[\"a\":1]", false)]
    public void The_reader_takes_an_expected_name_only_where_Read_would_give_exactly_it(string json, bool taken)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        var predicted = new AntomJsonReader(bytes);
        var plain = new AntomJsonReader(bytes);
        Assert.True(predicted.Read());
        Assert.True(plain.Read());
        Assert.Equal(taken, predicted.TryReadPropertyName("\"a\":"u8));
        if (taken)
        {
            Assert.True(plain.Read());
            Assert.Equal(plain.TokenType, predicted.TokenType);
            Assert.Equal(plain.ValueSpan.ToArray(), predicted.ValueSpan.ToArray());
            Assert.Equal(plain.ValueIsEscaped, predicted.ValueIsEscaped);
            Assert.Equal(plain.TokenStart, predicted.TokenStart);

            // The value and the rest follow as they would after Read.
            Assert.True(predicted.Read());
            Assert.True(plain.Read());
            Assert.Equal(plain.BytesConsumed, predicted.BytesConsumed);
            Assert.Equal(plain.TokenType, predicted.TokenType);
        }
        else
        {
            // Nothing was read: the reader is where it was.
            Assert.Equal(plain.BytesConsumed, predicted.BytesConsumed);
            Assert.Equal(plain.TokenType, predicted.TokenType);
        }

        Assert.False(new AntomJsonReader(bytes).TryReadPropertyName(""u8)); // an unpredictable name is never taken
    }

    [Fact]
    public void A_name_JSON_would_escape_is_never_expected()
    {
        var names = new PropertyNames("plain", "with\"quote", "back\\slash", "tab\t");
        Assert.Equal("\"plain\":"u8.ToArray(), names.QuotedNameColon(0).ToArray());
        Assert.True(names.QuotedNameColon(1).IsEmpty);
        Assert.True(names.QuotedNameColon(2).IsEmpty);
        Assert.True(names.QuotedNameColon(3).IsEmpty);
        Assert.Equal(0, names.Expected(-1));
        Assert.Equal(-1, names.Expected(3));
    }
}
