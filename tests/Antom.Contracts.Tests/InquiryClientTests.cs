using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Http;
using Antom.Contracts.Signatures;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>
/// inquiryRefund, and inquiryPayment by <see cref="InquiryPaymentRequest"/>: read-only calls. An answer that is not
/// this inquiry's is <see cref="AntomInquiryFailedException"/>, which says nothing about the refund or the payment; a
/// verified answer comes back as it is, and its <c>result</c> says only that the inquiry worked.
/// </summary>
public sealed class InquiryClientTests : IDisposable
{
    private static readonly Func<HttpRequestMessage, CancellationToken, HttpResponseMessage> Never = (_, _) => throw new InvalidOperationException("must not be called");

    private readonly SignedAntomFake _antom = new();

    public void Dispose() => _antom.Dispose();

    [Fact]
    public async Task An_inquiry_result_S_with_refundStatus_PROCESSING_comes_back_as_such_it_is_not_refunded()
    {
        AntomClient client = _antom.Client((_, _) => _antom.Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"refundId":"ref-1","refundRequestId":"ref-req-1","refundAmount":{"currency":"BRL","value":"1000"},"refundStatus":"PROCESSING"}"""));

        InquiryRefundResponse response = await client.InquiryRefundAsync(new InquiryRefundRequest { RefundRequestId = "ref-req-1" });

        Assert.Equal(ResultStatus.Success, response.Result.ResultStatus); // the inquiry worked ...
        Assert.Equal(RefundStatus.Processing, response.RefundStatus);      // ... and the refund is still processing
        Assert.Null(response.RefundTime);
        (string path, byte[] body) = Assert.Single(_antom.Requests);
        Assert.Equal(AntomApiPath.InquiryRefund, path);
        Assert.Equal("""{"refundRequestId":"ref-req-1"}""", Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"refundId":"ref-OTHER","refundRequestId":"ref-req-1","refundStatus":"SUCCESS"}""", "ref-1", null, "refundId")]
    [InlineData("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"refundId":"ref-1","refundRequestId":"ref-req-OTHER","refundStatus":"SUCCESS"}""", "ref-1", "ref-req-1", "refundRequestId")]
    [InlineData("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"refundId":"ref-9","refundRequestId":"ref-req-OTHER","refundStatus":"SUCCESS"}""", null, "ref-req-1", "refundRequestId")]
    [InlineData("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"refundStatus":"SUCCESS"}""", "ref-1", null, "refundId")]
    [InlineData("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"refundId":"ref-1","refundStatus":"SUCCESS"}""", null, "ref-req-1", "refundRequestId")]
    [InlineData("""{"result":{"resultCode":"ORDER_NOT_EXIST","resultStatus":"F"},"refundId":"ref-OTHER"}""", "ref-1", null, "refundId")]
    public async Task An_inquiryRefund_answer_about_another_refund_is_refused(string json, string? refundId, string? refundRequestId, string field)
    {
        AntomClient client = _antom.Client((_, _) => _antom.Answer(json));

        AntomInquiryFailedException e = await Assert.ThrowsAsync<AntomInquiryFailedException>(() => client.InquiryRefundAsync(new InquiryRefundRequest { RefundId = refundId, RefundRequestId = refundRequestId }));

        Assert.Equal(NoVerifiedAnswerReason.NotThisRequest, e.Reason);
        Assert.Equal("inquiryRefund", e.Api);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
        Assert.Contains("says nothing about the refund's state", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ref-1", null)]
    [InlineData(null, "ref-req-1")]
    [InlineData("ref-1", "ref-req-1")]
    public async Task An_inquiryRefund_answer_that_echoes_what_was_asked_is_returned(string? refundId, string? refundRequestId)
    {
        AntomClient client = _antom.Client((_, _) => _antom.Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"refundId":"ref-1","refundRequestId":"ref-req-1","refundStatus":"SUCCESS","refundTime":"2026-09-01T12:00:00+08:00"}"""));
        InquiryRefundResponse response = await client.InquiryRefundAsync(new InquiryRefundRequest { RefundId = refundId, RefundRequestId = refundRequestId });
        Assert.Equal(RefundStatus.Success, response.RefundStatus);
    }

    [Fact]
    public async Task An_inquiryRefund_F_that_found_nothing_is_an_answer_not_an_error()
    {
        AntomClient client = _antom.Client((_, _) => _antom.Answer("""{"result":{"resultCode":"ORDER_NOT_EXIST","resultStatus":"F"}}"""));
        InquiryRefundResponse response = await client.InquiryRefundAsync(new InquiryRefundRequest { RefundRequestId = "ref-req-1" });
        Assert.Equal(ResultStatus.Failure, response.Result.ResultStatus);
        Assert.Null(response.RefundStatus);
    }

    [Fact]
    public async Task An_inquiryRefund_that_gets_no_usable_answer_says_so_and_implies_no_refund_state()
    {
        AntomClient client = _antom.Client((_, _) => new HttpResponseMessage(HttpStatusCode.BadGateway));
        AntomInquiryFailedException e = await Assert.ThrowsAsync<AntomInquiryFailedException>(() => client.InquiryRefundAsync(new InquiryRefundRequest { RefundId = "ref-1" }));
        Assert.Equal(NoVerifiedAnswerReason.HttpStatus, e.Reason);
        Assert.Equal(HttpStatusCode.BadGateway, e.StatusCode);
        Assert.Contains("This says nothing about the refund's state; ask again later.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inquiryRefund_naming_no_refund_is_refused_before_anything_is_sent()
    {
        AntomClient client = _antom.Client(Never);
        await Assert.ThrowsAsync<AntomPayloadException>(() => client.InquiryRefundAsync(new InquiryRefundRequest { MerchantAccountId = "m-1" }));
        Assert.Empty(_antom.Requests);
    }

    [Fact]
    public async Task A_cancelled_inquiryRefund_is_plainly_cancelled_before_or_after_sending()
    {
        AntomClient never = _antom.Client(Never);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => never.InquiryRefundAsync(new InquiryRefundRequest { RefundId = "ref-1" }, new CancellationToken(canceled: true)));
        Assert.Empty(_antom.Requests);

        using var cts = new CancellationTokenSource();
        AntomClient client = _antom.Client(async (_, ct) =>
        {
            await cts.CancelAsync();
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            return _antom.Answer("{}");
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.InquiryRefundAsync(new InquiryRefundRequest { RefundId = "ref-1" }, cts.Token));
        Assert.Single(_antom.Requests);
    }

    [Fact]
    public async Task A_tampered_inquiryRefund_answer_is_refused()
    {
        AntomClient client = _antom.Client((_, _) => _antom.Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"refundId":"ref-1","refundStatus":"SUCCESS"}""", tamper: true));
        AntomInquiryFailedException e = await Assert.ThrowsAsync<AntomInquiryFailedException>(() => client.InquiryRefundAsync(new InquiryRefundRequest { RefundId = "ref-1" }));
        Assert.Equal(NoVerifiedAnswerReason.SignatureInvalid, e.Reason);
    }

    [Fact]
    public async Task InquiryPayment_by_request_sends_both_ids_and_binds_the_answer_to_them()
    {
        var request = new InquiryPaymentRequest { PaymentId = "pay-1", PaymentRequestId = "pay-req-1" };
        AntomClient client = _antom.Client((_, _) => _antom.Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentId":"pay-1","paymentStatus":"PROCESSING"}"""));

        InquiryPaymentResponse response = await client.InquiryPaymentAsync(request);

        Assert.Equal("pay-1", response.PaymentId);
        (string path, byte[] body) = Assert.Single(_antom.Requests);
        Assert.Equal(AntomApiPath.InquiryPayment, path);
        Assert.Equal("""{"paymentId":"pay-1","paymentRequestId":"pay-req-1"}""", Encoding.UTF8.GetString(body));

        AntomClient other = _antom.Client((_, _) => _antom.Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentId":"pay-1","paymentRequestId":"pay-req-OTHER"}"""));
        AntomInquiryFailedException e = await Assert.ThrowsAsync<AntomInquiryFailedException>(() => other.InquiryPaymentAsync(request, CancellationToken.None));
        Assert.Equal(NoVerifiedAnswerReason.NotThisRequest, e.Reason);
        Assert.Contains("paymentRequestId", e.Message, StringComparison.Ordinal);
        Assert.Contains("says nothing about the payment's state", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InquiryPayment_by_request_refuses_an_invalid_request_before_sending()
    {
        AntomClient client = _antom.Client(Never);
        await Assert.ThrowsAsync<AntomPayloadException>(() => client.InquiryPaymentAsync(new InquiryPaymentRequest { MerchantAccountId = "m-1" }));
        await Assert.ThrowsAsync<AntomPayloadException>(() => client.InquiryPaymentAsync(paymentId: new string('p', 65)));
        await Assert.ThrowsAsync<ArgumentException>(() => client.InquiryPaymentAsync(paymentId: "pay-1", paymentRequestId: "pay-req-1"));
        Assert.Empty(_antom.Requests);
    }

    [Fact]
    public async Task InquiryPayment_by_id_still_sends_only_that_id()
    {
        AntomClient client = _antom.Client((_, _) => _antom.Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentRequestId":"pay-req-1"}"""));
        InquiryPaymentResponse response = await client.InquiryPaymentAsync(paymentRequestId: "pay-req-1");
        Assert.Equal("pay-req-1", response.PaymentRequestId);
        Assert.Equal("""{"paymentRequestId":"pay-req-1"}""", Encoding.UTF8.GetString(Assert.Single(_antom.Requests).Body));
    }
}
