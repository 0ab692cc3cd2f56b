namespace Antom.Contracts.Ledger;

/// <summary>One operation an <see cref="AuthorizationLedger"/> knows of.</summary>
/// <param name="Operation">What it is.</param>
/// <param name="RequestId">The merchant's idempotency key (<c>captureRequestId</c>, <c>refundRequestId</c>, <c>updateRequestId</c>); for a cancel, the payment id.</param>
/// <param name="AntomId">Antom's id for it (<c>captureId</c>, <c>refundId</c>), once known.</param>
/// <param name="Amount">
/// The amount: as requested while undecided, as Antom reported it once final. For updateAmount, the new authorised
/// total; for a cancel, the authorised amount it voids.
/// </param>
/// <param name="State">Where it stands.</param>
/// <param name="IsLastCapture">For a capture, whether it was sent as the last one.</param>
public sealed record LedgerEntry(LedgerOperation Operation, string RequestId, string? AntomId, Money Amount, OperationState State, bool IsLastCapture);
