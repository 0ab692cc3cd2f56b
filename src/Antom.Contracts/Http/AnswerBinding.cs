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
    /// Why an <c>F</c> that echoes no request id cannot be believed: its signed time is missing or not within
    /// <paramref name="tolerance"/> of now (it could be a replayed failure of another call). Null when it is fresh, or
    /// when the answer is not such an F.
    /// </summary>
    public static string? StaleFailure(AntomResult result, string? echoedRequestId, string? responseTime, TimeSpan tolerance, DateTimeOffset now)
        => result.ResultStatus != ResultStatus.Failure || echoedRequestId is not null || Signatures.RequestTime.IsWithin(responseTime, tolerance, now)
            ? null
            : $"an F that echoes no request id must be fresh, and its response-time '{responseTime}' is not within {tolerance} of now";

    /// <summary>Why <paramref name="response"/> is not the answer to an inquiry for these ids, or null when it is.</summary>
    public static string? InquiryMismatch(string? paymentId, string? paymentRequestId, InquiryPaymentResponse response)
    {
        bool success = response.Result.ResultStatus == ResultStatus.Success;
        return paymentId is not null
            ? Differs("paymentId", paymentId, response.PaymentId, success)
            : Differs("paymentRequestId", paymentRequestId!, response.PaymentRequestId, success);
    }

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
