using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Antom.Contracts.Tests;

public class MoneyJsonConverterTests
{
    private static readonly string AmountExamples = Path.Combine(AppContext.BaseDirectory, "examples", "amount");

    public static IEnumerable<object[]> Valid => Directory.GetFiles(Path.Combine(AmountExamples, "valid"), "*.json").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    public static IEnumerable<object[]> Invalid => Directory.GetFiles(Path.Combine(AmountExamples, "invalid"), "*.json").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Valid))]
    public void Every_valid_amount_example_reads_and_writes_back_the_same_amount(string file)
    {
        byte[] json = File.ReadAllBytes(Path.Combine(AmountExamples, "valid", file));
        JsonObject input = JsonNode.Parse(json)!.AsObject();

        Money m = Read(json);
        string written = Write(m);

        Assert.Equal((string?)input["currency"], m.Currency.Code);
        Assert.Equal(long.Parse((string)input["value"]!, System.Globalization.CultureInfo.InvariantCulture), m.MinorUnits);
        Assert.Equal($"{{\"currency\":\"{input["currency"]}\",\"value\":\"{input["value"]}\"}}", written);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Every_invalid_amount_example_fails_with_the_labelled_path_and_rule(string file)
    {
        byte[] json = File.ReadAllBytes(Path.Combine(AmountExamples, "invalid", file));
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(AmountExamples, "invalid", Path.ChangeExtension(file, ".expected"))));

        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => Read(json));

        Assert.Equal(expected.RootElement.GetProperty("path").GetString(), e.Path);
        Assert.Equal(Enum.Parse<PayloadRule>(expected.RootElement.GetProperty("rule").GetString()!), e.Rule);
        Assert.StartsWith(e.Path + ": ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_issue_example_message_is_exact()
    {
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => Read("{\"currency\":\"BRL\",\"value\":\"1.10\"}"u8.ToArray()));
        Assert.Equal("$.value: \"1.10\" is not an amount in minor units (digits only, at most 16)", e.Message);
    }

    [Fact]
    public void Escaped_strings_are_unescaped_before_checking()
    {
        Money m = Read("{\"\\u0063urrency\":\"\\u0042RL\",\"value\":\"\\u0031\\u0031\\u0030\"}"u8.ToArray());
        Assert.Equal(Money.FromMinorUnits(110, "BRL"), m);
    }

    [Fact]
    public void A_duplicated_member_is_an_error_even_when_both_agree()
    {
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => Read("{\"currency\":\"BRL\",\"value\":\"110\",\"value\":\"110\"}"u8.ToArray()));
        Assert.Equal(PayloadRule.DuplicateProperty, e.Rule);
        Assert.Equal("$.value", e.Path);
    }

    [Theory]
    [InlineData("{\"currency\":\"BRL\",\"value\":\"11")]
    [InlineData("{\"currency\":\"BRL\",")]
    [InlineData("{\"currency\":\"BRL\",\"x\":[1,2")]
    [InlineData("{\"currency\":\"BRL\" \"value\":\"110\"}")]
    public void Truncated_or_malformed_json_is_a_syntax_error_not_a_crash(string json)
    {
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => Read(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(PayloadRule.Syntax, e.Rule);
    }

    [Fact]
    public void Invalid_utf8_in_a_value_is_a_syntax_error()
    {
        byte[] json = [.. "{\"currency\":\"BRL\",\"value\":\"1"u8, 0xC3, 0x28, .. "\"}"u8];
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => Read(json));
        Assert.Equal(PayloadRule.Syntax, e.Rule);
        Assert.Equal("$.value", e.Path);
    }

    [Fact]
    public void Unknown_members_of_any_shape_are_skipped()
    {
        Money m = Read("{\"x\":{\"y\":[1,{\"z\":null}]},\"currency\":\"JPY\",\"n\":1.5e3,\"value\":\"10\",\"t\":true}"u8.ToArray());
        Assert.Equal(Money.FromMinorUnits(10, "JPY"), m);
    }

    [Fact]
    public void Writing_default_money_throws_instead_of_sending_an_amount_without_currency()
    {
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => Write(default));
        Assert.Equal("$.currency", e.Path);
        Assert.Equal(PayloadRule.Required, e.Rule);
    }

    [Fact]
    public void The_converter_serves_System_Text_Json_through_the_attribute_on_Money()
    {
        Money m = Money.FromMinorUnits(1234, "KWD");
        string json = JsonSerializer.Serialize(m);
        Assert.Equal("{\"currency\":\"KWD\",\"value\":\"1234\"}", json);
        Assert.Equal(m, JsonSerializer.Deserialize<Money>(json));
        Assert.Throws<AntomPayloadException>(() => JsonSerializer.Deserialize<Money>("{\"currency\":\"KWD\",\"value\":1234}"));
    }

    [Fact]
    public void Reading_a_known_currency_allocates_nothing()
    {
        // Through the contracts' own reader; a Utf8JsonReader (a JsonConverter's) has the value's bytes copied first.
        byte[] json = "{\"currency\":\"BRL\",\"value\":\"9999999999999999\"}"u8.ToArray();
        AntomJson.Deserialize<Money>(json); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        Money m = AntomJson.Deserialize<Money>(json);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Money.MaxMinorUnits, m.MinorUnits);
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(0L, "BRL")]
    [InlineData(1L, "JPY")]
    [InlineData(110L, "USD")]
    [InlineData(9_999_999_999_999_999L, "KWD")]
    [InlineData(1234L, "XTS")]
    public void The_compact_amount_is_byte_for_byte_what_the_writer_itself_writes_and_commas_stay_right(long minorUnits, string currency)
    {
        Money m = Money.FromMinorUnits(minorUnits, currency);
        string digits = minorUnits.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // As an array element between other values, and as a property between others, on a validating writer.
        string written = WriteWith(new JsonWriterOptions(), w =>
        {
            w.WriteStartObject();
            w.WriteString("before", "x");
            w.WritePropertyName("amount");
            MoneyJsonConverter.WriteMoney(w, m);
            w.WriteStartArray("list");
            MoneyJsonConverter.WriteMoney(w, m);
            MoneyJsonConverter.WriteMoney(w, m);
            w.WriteEndArray();
            w.WriteEndObject();
        });
        string expected = WriteWith(new JsonWriterOptions(), w =>
        {
            void Amount()
            {
                w.WriteStartObject();
                w.WriteString("currency", currency);
                w.WriteString("value", digits);
                w.WriteEndObject();
            }

            w.WriteStartObject();
            w.WriteString("before", "x");
            w.WritePropertyName("amount");
            Amount();
            w.WriteStartArray("list");
            Amount();
            Amount();
            w.WriteEndArray();
            w.WriteEndObject();
        });

        Assert.Equal(expected, written);
        Assert.Equal(m, JsonSerializer.Deserialize<Money>(JsonNode.Parse(written)!["list"]![1]!.ToJsonString()));
    }

    [Fact]
    public void An_indented_writer_gets_an_indented_amount()
    {
        Money m = Money.FromMinorUnits(6000, "BRL");

        string written = JsonSerializer.Serialize(new[] { m }, new JsonSerializerOptions { WriteIndented = true });

        Assert.Equal("[\n  {\n    \"currency\": \"BRL\",\n    \"value\": \"6000\"\n  }\n]", written.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static string WriteWith(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static Money Read(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return MoneyJsonConverter.ReadMoney(ref reader);
    }

    private static string Write(Money m)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            MoneyJsonConverter.WriteMoney(writer, m);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
