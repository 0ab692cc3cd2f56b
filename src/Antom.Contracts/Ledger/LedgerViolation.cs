namespace Antom.Contracts.Ledger;

/// <summary>A rule of Antom's lifecycle APIs that an operation would break: each a distinct reason, with Antom's result code where it has one.</summary>
public enum LedgerViolation
{
    /// <summary>The request is for another payment than this ledger's (or names it only by a <c>paymentRequestId</c> the ledger does not know).</summary>
    OtherPayment = 1,

    /// <summary>The amount is not in the authorisation's currency. Antom captures, refunds and updates in the payment's currency.</summary>
    CurrencyMismatch,

    /// <summary>The amount is zero.</summary>
    NotPositive,

    /// <summary>A request id already used with a different amount (<c>REPEAT_REQ_INCONSISTENT</c>).</summary>
    RequestIdReusedWithDifferentAmount,

    /// <summary>The payment is cancelled: cancelled is final (<c>ORDER_IS_CANCELLED</c>).</summary>
    Cancelled,

    /// <summary>A cancel of the payment is in flight or undecided: nothing else may start until it resolves.</summary>
    CancelInFlight,

    /// <summary>Capture: the amount exceeds what is left, authorised − captured − held (<c>CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT</c>).</summary>
    ExceedsRemaining,

    /// <summary>Capture: a second capture on a method that allows only one (<c>MULTI_CAPTURE_NOT_SUPPORTED</c>).</summary>
    MultipleCapturesNotAllowed,

    /// <summary>Capture: an American card must be captured for exactly the authorised amount.</summary>
    AmericanCardNotInFull,

    /// <summary>Capture: more than 7 days after the authorisation, when Antom has released the funds.</summary>
    CaptureWindowClosed,

    /// <summary>Capture or updateAmount: after <c>authExpiryTime</c>.</summary>
    AuthorizationExpired,

    /// <summary>Capture: after one marked <c>isLastCapture</c>.</summary>
    AfterLastCapture,

    /// <summary>Refund: nothing has been captured yet; before capture, cancel instead (<c>ORDER_STATUS_INVALID</c>).</summary>
    RefundBeforeCapture,

    /// <summary>Refund: the amount exceeds captured − refunded − refunds held (<c>REFUND_AMOUNT_EXCEED</c>).</summary>
    ExceedsRefundable,

    /// <summary>Refund: outside the contract's refund window, when the terms give one (<c>REFUND_WINDOW_EXCEED</c>).</summary>
    RefundWindowClosed,

    /// <summary>Cancel: a capture was made or is in flight; a captured payment is refunded, not cancelled.</summary>
    CancelAfterCapture,

    /// <summary>Cancel: a refund was made or is in flight; any refund blocks cancel (<c>PROCESS_FAIL</c>).</summary>
    CancelAfterRefund,

    /// <summary>Cancel: more than 7 days after the authorisation (<c>CANCEL_WINDOW_EXCEED</c>).</summary>
    CancelWindowClosed,

    /// <summary>updateAmount: Antom did not return <c>incrementalAuthorizationAvailable: true</c> for this authorisation.</summary>
    IncrementalAuthorizationNotAvailable,

    /// <summary>updateAmount: a capture has been initiated (<c>INCREMENTAL_NOT_SUPPORT</c>).</summary>
    UpdateAfterCapture,

    /// <summary>updateAmount or cancel: an amount update is in flight or not final yet (accepted is not final).</summary>
    UpdateInFlight,

    /// <summary>updateAmount: the maximum of 10 adjustments is reached (<c>INCREMENTAL_NOT_SUPPORT</c>).</summary>
    UpdateLimitReached,

    /// <summary>updateAmount: the new total is not strictly greater than the authorised amount (increase only, never a delta).</summary>
    NotAnIncrease,
}
