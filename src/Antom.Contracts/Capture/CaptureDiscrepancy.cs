namespace Antom.Contracts.Capture;

/// <summary>What kind of disagreement between the ledger and Antom a <see cref="CaptureDiscrepancy"/> is.</summary>
public enum CaptureDiscrepancyKind
{
    /// <summary>Antom's final amount differs from the amount the ledger reserved; Antom's amount is booked.</summary>
    AmountDiffers = 1,

    /// <summary>A final outcome contradicts the final outcome already booked (S then F, or F then S); the first stays booked.</summary>
    ConflictingFinalState,

    /// <summary>Antom reports a capture the ledger never reserved or sent; it is booked as Antom reports it.</summary>
    Unrequested,
}

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
