using System;

namespace Antom.Contracts.Http;

/// <summary>
/// Proves that a verified answer belongs to the request it came back for. Antom's signature covers the answer, its
/// path and its time, not the request: a signed answer to another request can be replayed or misrouted. So every id
/// and amount the answer echoes must equal what was sent, and a success must echo them all.
/// </summary>
internal static class AnswerBinding
{
    /// <summary>Why <paramref name="response"/> is not the answer to <paramref name="request"/>, or null when it is.</summary>
    public static string? CaptureMismatch(CaptureRequest request, CaptureResponse response)
    {
        bool success = response.Result.ResultStatus == ResultStatus.Success;
        return Differs("captureRequestId", request.CaptureRequestId, response.CaptureRequestId, success)
               ?? Differs("paymentId", request.PaymentId, response.PaymentId, success)
               ?? Differs("captureAmount", request.CaptureAmount, response.CaptureAmount, success);
    }

    /// <summary>
    /// Why <paramref name="response"/> is not the answer to the pay <paramref name="request"/>, or null when it is: an
    /// echoed <c>paymentRequestId</c> or <c>paymentAmount</c> must be the request's, and an <c>S</c> must echo the
    /// <c>paymentRequestId</c> and the <c>paymentId</c> Antom gave the payment (there is no sent <c>paymentId</c> to compare it with).
    /// </summary>
    public static string? PayMismatch(PayRequest request, PayResponse response)
    {
        bool success = response.Result.ResultStatus == ResultStatus.Success;
        return Differs("paymentRequestId", request.PaymentRequestId, response.PaymentRequestId, success)
               ?? Missing("paymentId", response.PaymentId, success)
               ?? Differs("paymentAmount", request.PaymentAmount, response.PaymentAmount, required: false);
    }

    /// <summary>
    /// Why <paramref name="response"/> is not the answer to the cancel <paramref name="request"/>, or null when it is:
    /// each id that was sent and is echoed must be the one sent, and an <c>S</c> must echo the id Antom acts on
    /// (<c>paymentId</c> when it was sent, it wins; otherwise <c>paymentRequestId</c>).
    /// </summary>
    public static string? CancelMismatch(CancelRequest request, CancelResponse response)
    {
        bool success = response.Result.ResultStatus == ResultStatus.Success;
        return (request.PaymentId is { } paymentId ? Differs("paymentId", paymentId, response.PaymentId, success) : null)
               ?? (request.PaymentRequestId is { } paymentRequestId ? Differs("paymentRequestId", paymentRequestId, response.PaymentRequestId, success && request.PaymentId is null) : null);
    }

    /// <summary>
    /// The id in a cancel's answer that ties it to <paramref name="request"/>: an echoed id of a kind the request named
    /// (and so compared by <see cref="CancelMismatch"/>), or null. An <c>F</c> echoing only an id the request did not
    /// name is as unbound as one echoing nothing, so it must be fresh (<see cref="StaleFailure"/>).
    /// </summary>
    public static string? CancelBoundId(CancelRequest request, CancelResponse response)
        => (request.PaymentId is null ? null : response.PaymentId) ?? (request.PaymentRequestId is null ? null : response.PaymentRequestId);

    /// <summary>
    /// Why <paramref name="response"/> is not the answer to the refund <paramref name="request"/>, or null when it is:
    /// an echoed <c>refundRequestId</c>, <c>paymentId</c> or <c>refundAmount</c> must be the request's, and an <c>S</c>
    /// must echo the <c>refundRequestId</c> and the <c>refundId</c> Antom gave the refund.
    /// </summary>
    public static string? RefundMismatch(RefundRequest request, RefundResponse response)
    {
        bool success = response.Result.ResultStatus == ResultStatus.Success;
        return Differs("refundRequestId", request.RefundRequestId, response.RefundRequestId, success)
               ?? Missing("refundId", response.RefundId, success)
               ?? Differs("paymentId", request.PaymentId, response.PaymentId, required: false)
               ?? Differs("refundAmount", request.RefundAmount, response.RefundAmount, required: false);
    }

    /// <summary>
    /// Why <paramref name="response"/> is not the answer to the updateAmount <paramref name="request"/>, or null when it
    /// is: an echoed <c>updateRequestId</c>, <c>paymentId</c> or <c>amount</c> must be the request's, and an <c>S</c>
    /// must echo all three (Antom's docs mark them required).
    /// </summary>
    public static string? UpdateAmountMismatch(UpdateAmountRequest request, UpdateAmountResponse response)
    {
        bool success = response.Result.ResultStatus == ResultStatus.Success;
        return Differs("updateRequestId", request.UpdateRequestId, response.UpdateRequestId, success)
               ?? Differs("paymentId", request.PaymentId, response.PaymentId, success)
               ?? Differs("amount", request.Amount, response.Amount, success);
    }

    /// <summary>
    /// Why an <c>F</c> that echoes no request id cannot be believed: its signed time is missing or not within
    /// <paramref name="tolerance"/> of now (it could be a replayed failure of another call). Null when it is fresh, or
    /// when the answer is not such an F.
    /// </summary>
    public static string? StaleFailure(AntomResult result, string? echoedRequestId, string? responseTime, TimeSpan tolerance, DateTimeOffset now)
        => result.ResultStatus != ResultStatus.Failure || echoedRequestId is not null || Signatures.RequestTime.IsWithin(responseTime, tolerance, now)
            ? null
            : $"an F that echoes no request id must be fresh, and its response-time '{responseTime}' is not within {tolerance} of now";

    /// <summary>
    /// Why <paramref name="response"/> is not the answer to an inquiry for these ids, or null when it is: each id asked
    /// for and echoed must be the one asked for, and an <c>S</c> must echo the id Antom looks up by (<c>paymentId</c>
    /// when it was given, it wins; otherwise <c>paymentRequestId</c>).
    /// </summary>
    public static string? InquiryMismatch(InquiryPaymentRequest request, InquiryPaymentResponse response)
    {
        bool success = response.Result.ResultStatus == ResultStatus.Success;
        return (request.PaymentId is { } paymentId ? Differs("paymentId", paymentId, response.PaymentId, success) : null)
               ?? (request.PaymentRequestId is { } paymentRequestId ? Differs("paymentRequestId", paymentRequestId, response.PaymentRequestId, success && request.PaymentId is null) : null);
    }

    /// <summary>
    /// Why <paramref name="response"/> is not the answer to an inquiryRefund for these ids, or null when it is: each id
    /// asked for and echoed must be the one asked for, and an <c>S</c> must echo the id Antom looks up by
    /// (<c>refundId</c> when it was given, it wins; otherwise <c>refundRequestId</c>).
    /// </summary>
    public static string? InquiryRefundMismatch(InquiryRefundRequest request, InquiryRefundResponse response)
    {
        bool success = response.Result.ResultStatus == ResultStatus.Success;
        return (request.RefundId is { } refundId ? Differs("refundId", refundId, response.RefundId, success) : null)
               ?? (request.RefundRequestId is { } refundRequestId ? Differs("refundRequestId", refundRequestId, response.RefundRequestId, success && request.RefundId is null) : null);
    }

    // An id Antom assigns (paymentId of a pay, refundId of a refund): nothing was sent to compare it with, but an S must carry it.
    private static string? Missing(string name, string? echoed, bool required)
        => echoed is null && required ? $"a successful answer must echo {name}, and this one does not" : null;

    private static string? Differs(string name, string sent, string? echoed, bool required)
        => echoed switch
        {
            null when required => $"a successful answer must echo {name}, and this one does not",
            null => null,
            _ when string.Equals(echoed, sent, StringComparison.Ordinal) => null,
            _ => $"{name} \"{echoed}\" was answered for \"{sent}\"",
        };

    private static string? Differs(string name, Money sent, Money? echoed, bool required)
        => echoed switch
        {
            null when required => $"a successful answer must echo {name}, and this one does not",
            { } amount when amount != sent => $"{name} {amount} was answered for {sent}",
            _ => null,
        };
}
