namespace Antom.Contracts.Notifications;

/// <summary>
/// A <c>notifyPayment</c> (<c>notifyType</c> <c>PAYMENT_RESULT</c>, <c>PAYMENT_PENDING</c> or <c>UPDATE_AMOUNT_RESULT</c>),
/// fully read and checked. Switch on <see cref="Outcome"/>: a <c>PAYMENT_PENDING</c> carries <c>S</c> and means "wait".
/// </summary>
public sealed class PaymentResultReceived : AntomNotification
{
    internal PaymentResultReceived(PaymentResultNotification notification)
        : base(notification.NotifyType.Value)
    {
        Notification = notification;
    }

    /// <summary>The typed notification.</summary>
    public PaymentResultNotification Notification { get; }

    /// <summary>What it means, from <c>notifyType</c> and <c>resultStatus</c> together.</summary>
    public PaymentOutcome Outcome => Notification.Outcome;
}
