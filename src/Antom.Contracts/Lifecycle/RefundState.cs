using Antom.Contracts.Serialization;

namespace Antom.Contracts;

/// <summary>
/// Where a refund stands, from <c>refundStatus</c> (and, for inquiryRefund, from whether the inquiry itself worked):
/// only <see cref="Refunded"/> means the money went back. A closed set, checked by ANTOM1001.
/// </summary>
[AntomClosedEnum]
public enum RefundState
{
    /// <summary><c>refundStatus</c> <c>SUCCESS</c>: refunded.</summary>
    [AntomWireValue("SUCCESS", Description = "refunded")]
    Refunded = 1,

    /// <summary><c>refundStatus</c> <c>FAIL</c>: not refunded; the money stays captured.</summary>
    [AntomWireValue("FAIL", Description = "the refund failed: the money stays captured; a new refund needs a new refundRequestId")]
    Failed,

    /// <summary>
    /// <c>refundStatus</c> <c>PROCESSING</c> or <c>PENDING</c>, and any other value (<c>CANCELLED</c>, or one Antom adds):
    /// neither refunded nor failed as far as this library can tell, so the amount stays held. Wait, or ask inquiryRefund.
    /// </summary>
    [AntomWireValue("PROCESSING", Description = "not decided yet: wait for notifyRefund or ask inquiryRefund again; never refund again under a new refundRequestId")]
    Processing,

    /// <summary>
    /// Nothing is known about the refund: the inquiry itself did not work (its <c>result</c> is not <c>S</c>), or it gave
    /// no <c>refundStatus</c>. Ask again; this is not a failure of the refund.
    /// </summary>
    [AntomWireValue("(no refundStatus)", Description = "the inquiry says nothing about the refund: ask again; it is not a failed refund")]
    NotKnown,
}
