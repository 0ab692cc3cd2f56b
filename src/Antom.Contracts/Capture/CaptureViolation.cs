namespace Antom.Contracts.Capture;

/// <summary>A rule of Antom's capture API that a capture request would break.</summary>
public enum CaptureViolation
{
    /// <summary>The capture is not in the authorisation's currency. Antom always captures in the payment's currency.</summary>
    CurrencyMismatch = 1,

    /// <summary>The amount is zero.</summary>
    NotPositive,

    /// <summary>The amount exceeds what is left: authorised − captured − pending (CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT).</summary>
    ExceedsRemaining,

    /// <summary>A second capture on a method that allows only one (MULTI_CAPTURE_NOT_SUPPORTED).</summary>
    MultipleCapturesNotAllowed,

    /// <summary>An American card must be captured for exactly the authorised amount.</summary>
    AmericanCardNotInFull,

    /// <summary>More than 7 days after the authorisation: Antom has released the funds.</summary>
    CaptureWindowClosed,

    /// <summary>After <c>authExpiryTime</c>.</summary>
    AuthorizationExpired,

    /// <summary>A capture after one marked <c>isLastCapture</c>.</summary>
    AfterLastCapture,

    /// <summary>A <c>captureRequestId</c> already used with a different amount (REPEAT_REQ_INCONSISTENT).</summary>
    RequestIdReusedWithDifferentAmount,

    /// <summary>The request is for another payment than this ledger's.</summary>
    OtherPayment,
}
