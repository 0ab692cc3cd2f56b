using Antom.Contracts.Serialization;

namespace Antom.Contracts;

/// <summary>
/// What a payment notification (<see cref="PaymentResultNotification"/>) means, from its <c>notifyType</c> and its
/// <c>resultStatus</c> together: a <c>PAYMENT_PENDING</c> carries <c>S</c> and means "wait", so <c>resultStatus</c> alone
/// would read it as success. A closed set, checked by ANTOM1001: a switch over it names every member.
/// </summary>
[AntomClosedEnum]
public enum PaymentOutcome
{
    /// <summary><c>PAYMENT_RESULT</c> with <c>S</c>: authorised (with <c>captureMode</c> <c>MANUAL</c>, held, not captured: capture it).</summary>
    [AntomWireValue("PAYMENT_RESULT + S", Description = "authorised: with manual capture the money is held, not captured; capture it within its window")]
    Authorised = 1,

    /// <summary><c>PAYMENT_RESULT</c> with <c>F</c>: the payment failed; <c>resultCode</c> says why.</summary>
    [AntomWireValue("PAYMENT_RESULT + F", Description = "the payment failed: nothing is held, and the same paymentRequestId keeps this result")]
    Failed,

    /// <summary>
    /// Not decided yet: <c>PAYMENT_PENDING</c> (whatever its <c>resultStatus</c>: its <c>S</c> means "the buyer has
    /// finished, wait for the final result"), or a <c>PAYMENT_RESULT</c> or <c>UPDATE_AMOUNT_RESULT</c> with <c>U</c>.
    /// </summary>
    [AntomWireValue("PAYMENT_PENDING, or U", Description = "not decided yet: wait for the final notification or call inquiryPayment, and never pay again under a new paymentRequestId")]
    Pending,

    /// <summary><c>UPDATE_AMOUNT_RESULT</c> with <c>S</c>: the authorised amount is now the notification's <c>paymentAmount</c>.</summary>
    [AntomWireValue("UPDATE_AMOUNT_RESULT + S", Description = "the incremental authorisation took effect: the new authorised total is final")]
    AmountUpdated,

    /// <summary><c>UPDATE_AMOUNT_RESULT</c> with <c>F</c>: the authorised amount stays what it was.</summary>
    [AntomWireValue("UPDATE_AMOUNT_RESULT + F", Description = "the incremental authorisation was refused: captures stay bounded by the previous authorised amount")]
    AmountUpdateFailed,

    /// <summary>A <c>notifyType</c> this library does not interpret (<c>OFFLINE_PAYMENT_CODE</c>, or one Antom adds): act on nothing, read it yourself.</summary>
    [AntomWireValue("another notifyType", Description = "a notification type this library does not interpret: it says nothing about this payment's money")]
    NotInterpreted,
}
