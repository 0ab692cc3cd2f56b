namespace Antom.Contracts;

/// <content>The refund's state, which <c>refundStatus</c> gives; <c>result</c> <c>S</c> only means the channel accepted it.</content>
public sealed partial record RefundResultNotification
{
    /// <summary>Where the refund stands: <see cref="RefundState.Refunded"/> only when <c>refundStatus</c> is <c>SUCCESS</c>.</summary>
    public RefundState State => Outcomes.Of(RefundStatus);
}
