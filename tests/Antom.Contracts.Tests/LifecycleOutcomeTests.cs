using System;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>
/// What a lifecycle answer means is never read off <c>resultStatus</c> alone: a PAYMENT_PENDING carries S, an
/// inquiryRefund's S only says the inquiry worked, and a notifyRefund's S only says the channel accepted the refund.
/// </summary>
public class LifecycleOutcomeTests
{
    [Theory]
    [InlineData("PAYMENT_RESULT", "S", PaymentOutcome.Authorised)]
    [InlineData("PAYMENT_RESULT", "F", PaymentOutcome.Failed)]
    [InlineData("PAYMENT_RESULT", "U", PaymentOutcome.Pending)]
    [InlineData("PAYMENT_PENDING", "S", PaymentOutcome.Pending)]
    [InlineData("PAYMENT_PENDING", "F", PaymentOutcome.Pending)]
    [InlineData("PAYMENT_PENDING", "U", PaymentOutcome.Pending)]
    [InlineData("UPDATE_AMOUNT_RESULT", "S", PaymentOutcome.AmountUpdated)]
    [InlineData("UPDATE_AMOUNT_RESULT", "F", PaymentOutcome.AmountUpdateFailed)]
    [InlineData("UPDATE_AMOUNT_RESULT", "U", PaymentOutcome.Pending)]
    [InlineData("OFFLINE_PAYMENT_CODE", "S", PaymentOutcome.NotInterpreted)]
    [InlineData("A_TYPE_ANTOM_ADDS_LATER", "S", PaymentOutcome.NotInterpreted)]
    public void A_payment_notification_means_what_its_type_and_status_say_together(string notifyType, string status, PaymentOutcome expected)
    {
        PaymentResultNotification notification = AntomJson.Deserialize<PaymentResultNotification>(
            $$$"""{"notifyType":"{{{notifyType}}}","result":{"resultCode":"SUCCESS","resultStatus":"{{{status}}}"},"paymentRequestId":"r","paymentId":"p","paymentAmount":{"currency":"BRL","value":"100"},"paymentCreateTime":"2026-11-26T10:00:00Z"}""");
        Assert.Equal(expected, notification.Outcome);
    }

    [Fact]
    public void A_pending_payment_with_S_is_not_authorised()
    {
        PaymentResultNotification pending = AntomJson.Deserialize<PaymentResultNotification>(
            """{"notifyType":"PAYMENT_PENDING","result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentRequestId":"r","paymentId":"p","paymentAmount":{"currency":"BRL","value":"100"},"paymentCreateTime":"2026-11-26T10:00:00Z"}""");
        Assert.Equal(ResultStatus.Success, pending.Result.ResultStatus);
        Assert.NotEqual(PaymentOutcome.Authorised, pending.Outcome);
    }

    [Theory]
    [InlineData("S", "SUCCESS", RefundState.Refunded)]
    [InlineData("S", "PROCESSING", RefundState.Processing)]
    [InlineData("S", "PENDING", RefundState.Processing)]
    [InlineData("S", "FAIL", RefundState.Failed)]
    [InlineData("S", "CANCELLED", RefundState.Processing)]
    [InlineData("S", "NEW_STATUS", RefundState.Processing)]
    [InlineData("F", "SUCCESS", RefundState.NotKnown)]
    [InlineData("U", "SUCCESS", RefundState.NotKnown)]
    [InlineData("S", null, RefundState.NotKnown)]
    public void An_inquiry_refund_S_says_only_that_the_inquiry_worked(string result, string? refundStatus, RefundState expected)
    {
        string status = refundStatus is null ? string.Empty : $",\"refundStatus\":\"{refundStatus}\"";
        InquiryRefundResponse inquiry = AntomJson.Deserialize<InquiryRefundResponse>(
            $$$"""{"result":{"resultCode":"SUCCESS","resultStatus":"{{{result}}}","resultMessage":"success"},"refundId":"rf-1","refundRequestId":"rr-1","refundAmount":{"currency":"BRL","value":"100"}{{{status}}}}""");
        Assert.Equal(expected, inquiry.RefundState);
    }

    [Fact]
    public void An_inquiry_refund_S_with_PROCESSING_is_not_refunded()
    {
        InquiryRefundResponse inquiry = AntomJson.Deserialize<InquiryRefundResponse>(
            """{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"refundId":"rf-1","refundStatus":"PROCESSING"}""");
        Assert.Equal(ResultStatus.Success, inquiry.Result.ResultStatus);
        Assert.Equal(RefundState.Processing, inquiry.RefundState);
        Assert.NotEqual(RefundState.Refunded, inquiry.RefundState);
    }

    [Theory]
    [InlineData("S", "SUCCESS", RefundState.Refunded)]
    [InlineData("S", "FAIL", RefundState.Failed)]
    [InlineData("F", "FAIL", RefundState.Failed)]
    [InlineData("S", "PROCESSING", RefundState.Processing)]
    public void A_refund_notification_is_refunded_only_when_refundStatus_says_SUCCESS(string result, string refundStatus, RefundState expected)
    {
        RefundResultNotification notification = AntomJson.Deserialize<RefundResultNotification>(
            $$$"""{"notifyType":"REFUND_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"{{{result}}}","resultMessage":"m"},"refundStatus":"{{{refundStatus}}}","refundRequestId":"rr-1","refundId":"rf-1","refundAmount":{"currency":"BRL","value":"100"}}""");
        Assert.Equal(expected, notification.State);
    }

    [Fact]
    public void The_outcome_enums_are_closed_and_marked_for_the_exhaustiveness_rule()
    {
        Assert.True(Attribute.IsDefined(typeof(PaymentOutcome), typeof(Serialization.AntomClosedEnumAttribute)));
        Assert.True(Attribute.IsDefined(typeof(RefundState), typeof(Serialization.AntomClosedEnumAttribute)));
        Assert.Equal(6, Enum.GetValues<PaymentOutcome>().Length);
        Assert.Equal(4, Enum.GetValues<RefundState>().Length);
    }
}
