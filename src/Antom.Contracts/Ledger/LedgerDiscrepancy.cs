namespace Antom.Contracts.Ledger;

/// <summary>
/// A disagreement between the ledger and Antom's records that needs a person: never ignored, never silently resolved.
/// </summary>
/// <param name="Operation">The kind of operation concerned.</param>
/// <param name="RequestId">Its request id (for a cancel, the payment id).</param>
/// <param name="Kind">What disagrees.</param>
/// <param name="Expected">What the ledger held (the reserved amount; for an unrequested operation, zero).</param>
/// <param name="Reported">What Antom reported.</param>
/// <param name="ExpectedState">The state the ledger held, if it knew the operation.</param>
/// <param name="ReportedState">The state Antom reported.</param>
public sealed record LedgerDiscrepancy(LedgerOperation Operation, string RequestId, LedgerDiscrepancyKind Kind, Money Expected, Money Reported, OperationState? ExpectedState, OperationState ReportedState);
