namespace Antom.Contracts.Capture;

/// <summary>
/// A disagreement between the ledger and Antom's records that needs a person: never ignored, never silently resolved.
/// </summary>
/// <param name="CaptureRequestId">The capture concerned.</param>
/// <param name="Kind">What disagrees.</param>
/// <param name="Expected">What the ledger held (the reserved amount; for an unrequested capture, zero).</param>
/// <param name="Reported">What Antom reported.</param>
/// <param name="ExpectedState">The state the ledger held.</param>
/// <param name="ReportedState">The state Antom reported.</param>
public sealed record CaptureDiscrepancy(string CaptureRequestId, CaptureDiscrepancyKind Kind, Money Expected, Money Reported, CaptureState? ExpectedState, CaptureState ReportedState);
