using System;
using System.Buffers;
using System.Text.Json;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>The behaviours issue 3 names, one by one, on the generated contracts.</summary>
public class GeneratedContractBehaviourTests
{
    private const string Capture = """{"captureRequestId":"cap-1","paymentId":"pay-1","captureAmount":{"currency":"BRL","value":"110"}""";

    [Fact]
    public void A_missing_resultStatus_is_an_error_never_Success()
    {
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<AntomResult>("""{"resultCode":"SUCCESS"}"""));
        Assert.Equal("$.resultStatus", e.Path);
        Assert.Equal(PayloadRule.Required, e.Rule);
    }

    [Theory]
    [InlineData("\"X\"")]
    [InlineData("\"\"")]
    [InlineData("\"s\"")]
    [InlineData("1")]
    [InlineData("null")]
    public void An_unrecognised_resultStatus_is_an_error(string status)
    {
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<AntomResult>($$"""{"resultCode":"SUCCESS","resultStatus":{{status}}}"""));
        Assert.Equal("$.resultStatus", e.Path);
    }

    [Fact]
    public void Default_ResultStatus_is_no_member_and_cannot_be_written()
    {
        Assert.False(ResultStatusJsonConverter.Table.IsDefined(default));
        var result = new AntomResult { ResultCode = ResultCode.Success, ResultStatus = default };
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => AntomJson.Serialize(result));
        Assert.Equal("$.resultStatus", e.Path);
    }

    [Fact]
    public void A_duplicated_resultStatus_with_conflicting_values_is_an_error()
    {
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<AntomResult>("""{"resultCode":"X","resultStatus":"F","resultStatus":"S"}"""));
        Assert.Equal(PayloadRule.DuplicateProperty, e.Rule);
        Assert.Equal("$.resultStatus", e.Path);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("\"true\"", true)]
    [InlineData("false", false)]
    [InlineData("\"false\"", false)]
    public void Booleans_are_read_as_true_or_the_string_true_and_always_written_as_booleans(string json, bool expected)
    {
        CaptureRequest request = AntomJson.Deserialize<CaptureRequest>(Capture + ",\"isLastCapture\":" + json + "}");
        Assert.Equal(expected, request.IsLastCapture);
        Assert.EndsWith("\"isLastCapture\":" + (expected ? "true" : "false") + "}", AntomJson.Serialize(request), StringComparison.Ordinal);
    }

    [Fact]
    public void False_is_written_when_it_is_set_and_nothing_when_it_is_absent()
    {
        var request = new CaptureRequest { CaptureRequestId = "c", PaymentId = "p", CaptureAmount = Money.FromMinorUnits(1, "JPY"), IsLastCapture = false };
        Assert.Contains("\"isLastCapture\":false", AntomJson.Serialize(request), StringComparison.Ordinal);
        Assert.DoesNotContain("isLastCapture", AntomJson.Serialize(request with { IsLastCapture = null }), StringComparison.Ordinal);
        Assert.DoesNotContain("null", AntomJson.Serialize(request with { IsLastCapture = null }), StringComparison.Ordinal);
    }

    [Fact]
    public void Null_for_an_optional_member_means_absent()
    {
        CaptureRequest request = AntomJson.Deserialize<CaptureRequest>(Capture + ",\"captureType\":null,\"isLastCapture\":null,\"transit\":null}");
        Assert.Null(request.CaptureType);
        Assert.Null(request.IsLastCapture);
        Assert.Null(request.Transit);
    }

    [Fact]
    public void An_invalid_value_throws_before_anything_is_written()
    {
        var request = new CaptureRequest { CaptureRequestId = new string('c', 65), PaymentId = "p", CaptureAmount = Money.FromMinorUnits(1, "JPY") };
        var buffer = new ArrayBufferWriter<byte>();

        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => AntomJson.Serialize(buffer, request));

        Assert.Equal("$.captureRequestId", e.Path);
        Assert.Equal(PayloadRule.MaxLength, e.Rule);
        Assert.Equal(0, buffer.WrittenCount);
        Assert.Throws<AntomPayloadException>(() => JsonSerializer.Serialize(request, AntomJson.Options));
    }

    [Fact]
    public void An_unknown_open_set_value_is_kept_and_written_back_unchanged()
    {
        const string json = """{"transactionType":"SETTLEMENT_ADJUST","transactionStatus":"ON_HOLD","transactionResult":{"resultCode":"NEW","resultStatus":"F"},"transactionId":"t","transactionRequestId":"r","transactionAmount":{"currency":"BRL","value":"1"}}""";
        PaymentTransaction transaction = AntomJson.Deserialize<PaymentTransaction>(json);

        Assert.Equal("SETTLEMENT_ADJUST", transaction.TransactionType.ToString());
        Assert.False(transaction.TransactionType.IsKnown);
        Assert.NotEqual(TransactionType.Capture, transaction.TransactionType);
        Assert.Equal(new TransactionType("SETTLEMENT_ADJUST"), transaction.TransactionType);
        Assert.Equal(json, AntomJson.Serialize(transaction));
    }

    [Fact]
    public void Known_open_set_values_are_the_shared_instances()
    {
        PaymentTransaction transaction = AntomJson.Deserialize<PaymentTransaction>("""{"transactionType":"INCREMENTAL","transactionStatus":"SUCCESS","transactionResult":{"resultCode":"SUCCESS","resultStatus":"S"},"transactionId":"t","transactionRequestId":"r","transactionAmount":{"currency":"BRL","value":"1"}}""");
        Assert.Equal(TransactionType.Incremental, transaction.TransactionType);
        Assert.True(transaction.TransactionType.IsKnown);
        Assert.Same(TransactionType.Incremental.Value, transaction.TransactionType.Value);
    }

    [Theory]
    [InlineData("2022-09-29T07:13:50-07:00")]
    [InlineData("2022-09-29T07:13:50+08:00")]
    [InlineData("2022-09-29T07:13:50Z")]
    [InlineData("2022-09-29T07:13:50.5+05:30")]
    [InlineData("2022-09-29T07:13:50.1234567-03:00")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    [InlineData("2024-02-29T23:59:59.01-14:00")]
    [InlineData("2024-12-31T00:00:01+14:00")]
    public void Date_times_keep_their_offset_and_are_written_back_in_the_same_form(string time)
    {
        string json = $$"""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"captureTime":"{{time}}"}""";
        CaptureResponse response = AntomJson.Deserialize<CaptureResponse>(json);

        Assert.Equal(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), response.CaptureTime);
        Assert.Equal(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture).Offset, response.CaptureTime!.Value.Offset);
        Assert.Equal(json, AntomJson.Serialize(response));
    }

    [Theory]
    [InlineData("2022-09-29T07:13:50")]
    [InlineData("2022-09-29")]
    [InlineData("2026-02-30T07:13:50-07:00")]
    [InlineData("2022-09-29T24:00:00Z")]
    [InlineData("2022-09-29T07:13:50+15:00")]
    [InlineData("2022-09-29 07:13:50Z")]
    [InlineData("2022-09-29T07:13:50.Z")]
    public void Date_times_without_offset_or_impossible_ones_are_format_errors(string time)
    {
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<CaptureResponse>($$"""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"captureTime":"{{time}}"}"""));
        Assert.Equal("$.captureTime", e.Path);
        Assert.Equal(PayloadRule.Format, e.Rule);
    }

    [Fact]
    public void An_amount_value_given_as_a_number_is_an_error_at_its_path()
    {
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<CaptureRequest>("""{"captureRequestId":"c","paymentId":"p","captureAmount":{"currency":"BRL","value":110}}"""));
        Assert.Equal("$.captureAmount.value", e.Path);
        Assert.Equal(PayloadRule.Type, e.Rule);
    }

    [Fact]
    public void Errors_inside_array_elements_name_the_index()
    {
        string json = """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"transactions":[{"transactionType":"CAPTURE","transactionStatus":"SUCCESS","transactionResult":{"resultCode":"SUCCESS","resultStatus":"S"},"transactionId":"t","transactionRequestId":"r","transactionAmount":{"currency":"BRL","value":"1"}},null]}""";
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<InquiryPaymentResponse>(json));
        Assert.Equal("$.transactions[1]", e.Path);
    }

    [Fact]
    public void Records_holding_lists_compare_their_elements()
    {
        string json = """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"transactions":[{"transactionType":"CAPTURE","transactionStatus":"SUCCESS","transactionResult":{"resultCode":"SUCCESS","resultStatus":"S"},"transactionId":"t","transactionRequestId":"r","transactionAmount":{"currency":"BRL","value":"1"}}]}""";
        InquiryPaymentResponse a = AntomJson.Deserialize<InquiryPaymentResponse>(json);
        InquiryPaymentResponse b = AntomJson.Deserialize<InquiryPaymentResponse>(json);

        Assert.NotSame(a.Transactions, b.Transactions);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Transactions = [] });
    }

    [Fact]
    public void Raw_json_passes_through_untouched()
    {
        CaptureRequest request = AntomJson.Deserialize<CaptureRequest>(Capture + ",\"transit\":{\"legs\":[{\"from\":\"GRU\",\"to\":\"SIN\"}],\"x\":1.50}}");
        Assert.Equal("{\"legs\":[{\"from\":\"GRU\",\"to\":\"SIN\"}],\"x\":1.50}", request.Transit!.ToString());
        Assert.Contains("\"transit\":{\"legs\":[{\"from\":\"GRU\",\"to\":\"SIN\"}],\"x\":1.50}", AntomJson.Serialize(request), StringComparison.Ordinal);
    }

    [Fact]
    public void The_notification_type_is_a_constant_checked_on_read_and_always_written()
    {
        const string body = """{"notifyType":"CAPTURE_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S"},"captureRequestId":"c","paymentId":"p","captureId":"i","captureAmount":{"currency":"BRL","value":"1"}}""";
        CaptureResultNotification notification = AntomJson.Deserialize<CaptureResultNotification>(body);
        Assert.Equal("CAPTURE_RESULT", notification.NotifyType);
        Assert.Equal(body, AntomJson.Serialize(notification));

        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<CaptureResultNotification>(body.Replace("CAPTURE_RESULT", "CAPTURE", StringComparison.Ordinal)));
        Assert.Equal(PayloadRule.Const, e.Rule);
    }

    [Fact]
    public void Trailing_content_a_bom_and_malformed_input_are_handled()
    {
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("""{"resultCode":"SUCCESS","resultStatus":"U"}""")];
        Assert.Equal(ResultStatus.Unknown, AntomJson.Deserialize<AntomResult>(withBom).ResultStatus);
        Assert.Equal(PayloadRule.Syntax, Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<AntomResult>("""{"resultCode":"SUCCESS","resultStatus":"U"} {}""")).Rule);
        Assert.Equal(PayloadRule.Syntax, Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<AntomResult>("""{"resultCode":"SUCCESS","resultSta""")).Rule);
        Assert.Equal(PayloadRule.Syntax, Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<AntomResult>("")).Rule);
    }

    [Fact]
    public void The_options_resolver_serves_System_Text_Json()
    {
        InquiryPaymentResponse response = JsonSerializer.Deserialize<InquiryPaymentResponse>("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentStatus":"PENDING"}""", AntomJson.Options)!;
        Assert.Equal(PaymentStatus.Pending, response.PaymentStatus);
        Assert.Equal(ResultStatus.Success, JsonSerializer.Deserialize<ResultStatus>("\"S\"", AntomJson.Options));
        Assert.Equal("\"U\"", JsonSerializer.Serialize(ResultStatus.Unknown, AntomJson.Options));
    }
}
