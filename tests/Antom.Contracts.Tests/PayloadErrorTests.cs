using System;
using System.Text.Json;
using Xunit;

namespace Antom.Contracts.Tests;

public class PayloadErrorTests
{
    [Fact]
    public void The_error_is_a_JsonException_whose_path_and_message_name_the_broken_rule()
    {
        AntomPayloadException e = AntomPayloadException.PatternMismatch("$.value", "1.10", MoneyJsonConverter.ValueRule).UnderProperty("captureAmount");

        Assert.IsAssignableFrom<JsonException>(e);
        Assert.Equal("$.captureAmount.value", e.Path);
        Assert.Equal(PayloadRule.Pattern, e.Rule);
        Assert.Equal("$.captureAmount.value: \"1.10\" is not an amount in minor units (digits only, at most 16)", e.Message);
    }

    // JSON text handed over as a string: a lone surrogate is refused, not read as U+FFFD (which Encoding.UTF8 would
    // write in its place), on the way in as System.Text.Json's own string overloads refuse it.
    // (Built here: an attribute argument is stored as UTF-8, which would already have replaced the surrogate.)
    [Theory]
    [InlineData("", 0xD800, "", 37)]
    [InlineData("x", 0xDC00, "", 38)]
    [InlineData("", 0xDBFF, "x", 37)]
    public void A_lone_surrogate_in_json_text_is_refused(string before, int surrogate, string after, int index)
    {
        string captureRequestId = before + (char)surrogate + after;
        string json = "{\"paymentId\":\"p\",\"captureRequestId\":\"" + captureRequestId + "\",\"captureAmount\":{\"currency\":\"BRL\",\"value\":\"110\"}}";

        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<CaptureRequest>(json));

        Assert.Equal("$", e.Path);
        Assert.Equal(PayloadRule.Syntax, e.Rule);
        Assert.Equal("$: is not valid text: a lone UTF-16 surrogate at index " + index, e.Message);
    }

    [Fact]
    public void A_surrogate_pair_in_json_text_is_read_as_the_character_it_encodes()
    {
        string json = "{\"paymentId\":\"p\",\"captureRequestId\":\"c\uD83D\uDCB3\",\"captureAmount\":{\"currency\":\"BRL\",\"value\":\"110\"}}";

        CaptureRequest request = AntomJson.Deserialize<CaptureRequest>(json);

        Assert.Equal("c\uD83D\uDCB3", request.CaptureRequestId);
        Assert.Equal(Money.FromMinorUnits(110, "BRL"), request.CaptureAmount);
    }

    [Fact]
    public void Paths_compose_through_properties_and_array_indexes()
    {
        AntomPayloadException e = AntomPayloadException.Missing("$.resultStatus")
            .UnderProperty("transactionResult")
            .UnderIndex(3)
            .UnderProperty("transactions");

        Assert.Equal("$.transactions[3].transactionResult.resultStatus", e.Path);
        Assert.Equal("$.transactions[3].transactionResult.resultStatus: is required but missing", e.Message);
        Assert.Equal(PayloadRule.Required, e.Rule);
    }

    [Theory]
    [InlineData("captureAmount", "$.captureAmount")]
    [InlineData("_x1", "$._x1")]
    [InlineData("a b", "$['a b']")]
    [InlineData("it's", "$['it\\'s']")]
    [InlineData("", "$['']")]
    [InlineData("1st", "$['1st']")]
    [InlineData("a.b", "$['a.b']")]
    public void Property_names_that_are_not_plain_identifiers_are_bracketed(string name, string expected)
    {
        Assert.Equal(expected, JsonPath.OfProperty(name));
    }

    [Fact]
    public void A_path_must_start_at_the_root()
    {
        Assert.Throws<ArgumentException>(() => JsonPath.Prepend(".a", "value"));
    }

    [Fact]
    public void Quoted_values_are_escaped_and_cut_so_errors_never_copy_a_hostile_payload()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n\\u0001\"", AntomPayloadException.Quote("a\"b\\c\n\u0001"));

        string huge = new('x', 10_000_000);
        AntomPayloadException e = AntomPayloadException.TooLong("$.captureRequestId", huge, 64);
        Assert.True(e.Message.Length < 300, e.Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("(10000000 characters)", e.Message, StringComparison.Ordinal);
        Assert.Equal(PayloadRule.MaxLength, e.Rule);
    }

    [Fact]
    public void Re_rooting_keeps_rule_detail_and_inner_error()
    {
        var inner = new JsonException("reader said no");
        AntomPayloadException e = AntomPayloadException.Malformed("$", inner).UnderProperty("result");

        Assert.Equal(PayloadRule.Syntax, e.Rule);
        Assert.Same(inner, e.InnerException);
        Assert.Equal("$.result", e.Path);
        Assert.Contains("reader said no", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_check_that_runs_out_of_time_is_a_located_pattern_error_without_the_value()
    {
        // A pattern that backtracks badly on this input: the regex times out. That must be a payload error at the
        // member, on read and on write, and must not carry the value (the timeout exception's Input holds it).
        var pattern = new System.Text.RegularExpressions.Regex("^(a+)+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(20));
        string value = new string('a', 40) + "!SECRET";

        AntomPayloadException read = Assert.Throws<AntomPayloadException>(() => Serialization.ContractReader.CheckPattern(value, "pan", pattern));
        AntomPayloadException write = Assert.Throws<AntomPayloadException>(() => Serialization.ContractWriter.CheckPattern(value, "pan", pattern));

        foreach (AntomPayloadException e in new[] { read, write })
        {
            Assert.Equal(("$.pan", PayloadRule.Pattern), (e.Path, e.Rule));
            Assert.Null(e.InnerException);
            Assert.DoesNotContain("SECRET", e.ToString(), StringComparison.Ordinal);
        }
    }
}
