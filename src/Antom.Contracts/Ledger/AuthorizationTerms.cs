using System;

namespace Antom.Contracts.Ledger;

/// <summary>What an authorisation allows, as Antom granted it: the fixed terms an <see cref="AuthorizationLedger"/> is opened with.</summary>
/// <param name="PaymentId">Antom's payment id: operations and outcomes for any other payment are refused.</param>
/// <param name="Authorized">The amount first authorised (an updateAmount may raise it later).</param>
/// <param name="AuthorizedAt">When the authorisation succeeded: the capture and cancel windows count from it.</param>
public sealed record AuthorizationTerms(string PaymentId, Money Authorized, DateTimeOffset AuthorizedAt)
{
    /// <summary>The merchant's <c>paymentRequestId</c>: a cancel by <c>paymentRequestId</c> alone is accepted only when it is known.</summary>
    public string? PaymentRequestId { get; init; }

    /// <summary><c>authExpiryTime</c>, when Antom gave one: no capture or amount update after it (updateAmount never moves it).</summary>
    public DateTimeOffset? AuthExpiryTime { get; init; }

    /// <summary>Whether the payment method allows several partial captures.</summary>
    public bool AllowsMultipleCaptures { get; init; }

    /// <summary>Whether this is an American card, which must be captured in full.</summary>
    public bool IsAmericanCard { get; init; }

    /// <summary><c>paymentResultInfo.incrementalAuthorizationAvailable</c>: updateAmount is refused unless Antom said so.</summary>
    public bool IncrementalAuthorizationAvailable { get; init; }

    /// <summary>
    /// The refund window of the merchant's contract, counted from <see cref="AuthorizedAt"/>, when known. Antom's docs
    /// give no general value; when null the ledger does not check it and Antom's <c>REFUND_WINDOW_EXCEED</c> (an F) decides.
    /// </summary>
    public TimeSpan? RefundWindow { get; init; }
}
