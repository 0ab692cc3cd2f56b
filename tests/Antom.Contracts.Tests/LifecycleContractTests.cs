using System;
using System.IO;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>The lifecycle reference's own samples, read through the generated contracts: what a caller sees of them.</summary>
public class LifecycleContractTests
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "examples");

    private static byte[] Example(string contract, string file) => File.ReadAllBytes(Path.Combine(Examples, contract, "valid", file));

    [Fact]
    public void The_card_demo_is_a_manual_capture_authorisation_and_never_shows_the_card()
    {
        PayRequest pay = AntomJson.Deserialize<PayRequest>(Example("pay-request", "reference-card-demo.json"));

        Assert.Equal(ProductCode.CashierPayment, pay.ProductCode);
        Assert.True(pay.PaymentFactor.IsAuthorization);
        Assert.Equal(CaptureMode.Manual, pay.PaymentFactor.CaptureMode);
        Assert.Equal(Money.FromMinorUnits(4200, "BRL"), pay.PaymentAmount);
        Assert.Equal("671.998.112-31", pay.PaymentMethod.PaymentMethodMetaData!.Cpf);
        Assert.Equal("Wallex", pay.PaymentMethod.PaymentMethodMetaData.CardholderName!.LastName);

        string shown = pay.ToString();
        Assert.DoesNotContain("0255187751531899", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("712", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_number_that_breaks_its_pattern_is_reported_without_the_number()
    {
        string json = System.Text.Encoding.UTF8.GetString(Example("pay-request", "reference-card-demo.json")).Replace("0255187751531899", "0255-1877-5153-1899", StringComparison.Ordinal);

        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<PayRequest>(json));

        Assert.Equal("$.paymentMethod.paymentMethodMetaData.cardNo", e.Path);
        Assert.Equal(PayloadRule.Pattern, e.Rule);
        Assert.DoesNotContain("1877", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_wallet_notification_keeps_the_quote_price_exactly()
    {
        PaymentResultNotification notification = AntomJson.Deserialize<PaymentResultNotification>(Example("payment-result-notification", "old-wallet-notify-s.json"));

        Assert.Equal(PaymentNotifyType.PaymentResult, notification.NotifyType);
        Assert.Equal(0.064622m, notification.PaymentQuote!.QuotePrice);
        Assert.False(notification.PaymentQuote.Guaranteed);
        Assert.Equal(Money.FromMinorUnits(1292, "CNY"), notification.ActualPaymentAmount);
        Assert.Contains("\"quotePrice\":0.064622", AntomJson.Serialize(notification), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-120")]
    [InlineData("\"-120\"")]
    public void A_number_on_the_wire_reads_from_a_number_or_a_string_and_is_written_as_a_number(string offset)
    {
        Env env = AntomJson.Deserialize<Env>("{\"terminalType\":\"WEB\",\"timeZoneOffset\":" + offset + "}");

        Assert.Equal(-120, env.TimeZoneOffset);
        Assert.Equal("{\"terminalType\":\"WEB\",\"timeZoneOffset\":-120}", AntomJson.Serialize(env));
    }

    [Fact]
    public void An_inquiry_that_worked_on_a_refund_still_processing_is_not_a_refund()
    {
        InquiryRefundResponse response = AntomJson.Deserialize<InquiryRefundResponse>(Example("inquiry-refund-response", "inquiry-worked-refund-processing.json"));

        Assert.Equal(ResultStatus.Success, response.Result.ResultStatus);
        Assert.Equal(RefundStatus.Processing, response.RefundStatus);
        Assert.NotEqual(RefundStatus.Success, response.RefundStatus);
    }

    [Fact]
    public void Cancel_needs_one_of_the_two_ids_on_read_and_on_write()
    {
        Assert.Null(AntomJson.Deserialize<CancelRequest>("""{"paymentRequestId":"r-1"}""").PaymentId);

        AntomPayloadException read = Assert.Throws<AntomPayloadException>(() => AntomJson.Deserialize<CancelRequest>("""{"merchantAccountId":"a"}"""));
        Assert.Equal(("$.paymentId", PayloadRule.Required), (read.Path, read.Rule));

        AntomPayloadException write = Assert.Throws<AntomPayloadException>(() => AntomJson.Serialize(new CancelRequest { MerchantAccountId = "a" }));
        Assert.Equal(("$.paymentId", PayloadRule.Required), (write.Path, write.Rule));
    }

    [Fact]
    public void An_updateAmount_refusal_without_its_echoes_is_still_read_as_F()
    {
        UpdateAmountResponse rejected = AntomJson.Deserialize<UpdateAmountResponse>(Example("update-amount-response", "rejected-no-echo.json"));

        Assert.Equal(ResultStatus.Failure, rejected.Result.ResultStatus);
        Assert.Equal(ResultCode.IncrementalNotSupport, rejected.Result.ResultCode);
        Assert.Null(rejected.Amount);
    }
}
