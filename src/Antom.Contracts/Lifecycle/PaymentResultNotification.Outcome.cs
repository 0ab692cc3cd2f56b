namespace Antom.Contracts;

/// <content>The payment notification's meaning, from <c>notifyType</c> and <c>resultStatus</c> together.</content>
public sealed partial record PaymentResultNotification
{
    /// <summary>
    /// What this notification means: switch on this, never on <c>Result.ResultStatus</c> alone, since a
    /// <c>PAYMENT_PENDING</c> carries <c>S</c> and means "wait".
    /// </summary>
    public PaymentOutcome Outcome => Outcomes.Of(NotifyType, Result.ResultStatus);
}
