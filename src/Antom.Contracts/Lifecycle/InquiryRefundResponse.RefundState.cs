namespace Antom.Contracts;

/// <content>The refund's state; <c>result</c> only says whether the inquiry worked.</content>
public sealed partial record InquiryRefundResponse
{
    /// <summary>
    /// Where the refund stands. <c>Result</c> says only whether this inquiry worked: a <c>Result</c> of <c>S</c> with
    /// <c>refundStatus</c> <c>PROCESSING</c> is <see cref="RefundState.Processing"/>, not refunded; an inquiry that did
    /// not work is <see cref="RefundState.NotKnown"/>, not a failed refund.
    /// </summary>
    public RefundState RefundState => Result.ResultStatus == ResultStatus.Success && RefundStatus is { } status ? Outcomes.Of(status) : RefundState.NotKnown;
}
