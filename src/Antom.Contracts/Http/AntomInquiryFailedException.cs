using System;
using System.Net;

namespace Antom.Contracts.Http;

/// <summary>
/// A read-only call (inquiryPayment) got no verified answer. It says nothing about the payment: the payment's state
/// is as unknown as before the call. Ask again later.
/// </summary>
public sealed class AntomInquiryFailedException : AntomTransportException
{
    internal AntomInquiryFailedException(string api, NoVerifiedAnswerReason reason, string? detail, HttpStatusCode? statusCode = null, Exception? inner = null)
        : base(
            $"{api}: no usable answer ({Describe(reason, statusCode)}{(detail is null ? string.Empty : ": " + detail)}). This says nothing about the payment's state; ask again later.",
            api,
            reason,
            statusCode,
            inner)
    {
    }
}
