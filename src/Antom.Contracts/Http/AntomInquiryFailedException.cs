using System;
using System.Net;

namespace Antom.Contracts.Http;

/// <summary>
/// A read-only call (inquiryPayment, inquiryRefund) got no verified answer that belongs to it. It says nothing about
/// the payment or the refund: its state is as unknown as before the call. Ask again later.
/// </summary>
public sealed class AntomInquiryFailedException : AntomTransportException
{
    internal AntomInquiryFailedException(string api, string subject, NoVerifiedAnswerReason reason, string? detail, HttpStatusCode? statusCode = null, Exception? inner = null)
        : base(
            $"{api}: no usable answer ({Describe(reason, statusCode)}{(detail is null ? string.Empty : ": " + detail)}). This says nothing about the {subject}'s state; ask again later.",
            api,
            reason,
            statusCode,
            inner)
    {
    }
}
