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
