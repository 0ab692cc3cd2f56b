namespace Antom.Contracts.Notifications;

/// <summary>
/// A <c>notifyRefund</c> (<c>notifyType</c> <c>REFUND_RESULT</c>), fully read and checked. It carries no
/// <c>paymentId</c>: correlate it by <c>refundRequestId</c> or <c>refundId</c>. Its <c>result</c> <c>S</c> only means the
/// channel accepted the refund; <see cref="State"/> (from <c>refundStatus</c>) says whether the money went back.
/// </summary>
public sealed class RefundResultReceived : AntomNotification
{
    internal RefundResultReceived(RefundResultNotification notification)
        : base(AntomNotifications.RefundResult)
    {
        Notification = notification;
    }

    /// <summary>The typed notification.</summary>
    public RefundResultNotification Notification { get; }

    /// <summary>Where the refund stands: refunded only when <c>refundStatus</c> is <c>SUCCESS</c>.</summary>
    public RefundState State => Notification.State;
}
