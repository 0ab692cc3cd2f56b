using System;
using System.Net;

namespace Antom.Contracts.Http;

/// <summary>
/// A state-changing request (pay, capture, cancel, refund, updateAmount) may have reached Antom, and no verified answer
/// that belongs to it came back. The operation <b>may have happened</b>: this is the same as <c>U</c>, never a failure.
/// Resolve it as the message says (the notification, inquiryPayment or inquiryRefund, or for a cancel a retry), and
/// retry only with the same idempotency key (<see cref="IdempotencyKey"/>), never with a new one.
/// </summary>
public sealed class AntomOutcomeUnknownException : AntomTransportException
{
    internal AntomOutcomeUnknownException(string api, string idempotencyKeyName, string idempotencyKey, object request, string resolveWith, NoVerifiedAnswerReason reason, string? detail, HttpStatusCode? statusCode = null, Exception? inner = null)
        : base(
            $"{api} {idempotencyKeyName} {idempotencyKey}: the outcome is unknown ({Describe(reason, statusCode)}{(detail is null ? string.Empty : ": " + detail)}). "
            + $"The {api} may have happened: resolve it with {resolveWith}; retry only with the same {idempotencyKeyName}.",
            api,
            reason,
            statusCode,
            inner)
    {
        IdempotencyKeyName = idempotencyKeyName;
        IdempotencyKey = idempotencyKey;
        Request = request;
    }

    /// <summary>
    /// The name of the idempotency key on the wire: <c>paymentRequestId</c> (pay), <c>captureRequestId</c>,
    /// <c>refundRequestId</c>, <c>updateRequestId</c>; for a cancel, the id it names (<c>paymentRequestId</c>, or
    /// <c>paymentId</c> when it names only that).
    /// </summary>
    public string IdempotencyKeyName { get; }

    /// <summary>The idempotency key that was sent; a retry must reuse it.</summary>
    public string IdempotencyKey { get; }

    /// <summary>
    /// The request that was sent (a <see cref="PayRequest"/>, <see cref="CaptureRequest"/>, <see cref="CancelRequest"/>,
    /// <see cref="RefundRequest"/> or <see cref="UpdateAmountRequest"/>): retry with exactly this.
    /// </summary>
    public object Request { get; }
}
