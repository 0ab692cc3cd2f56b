namespace Antom.Contracts.Ledger;

/// <summary>What kind of disagreement between the ledger and Antom a <see cref="LedgerDiscrepancy"/> is.</summary>
public enum LedgerDiscrepancyKind
{
    /// <summary>Antom's final amount differs from the amount the ledger reserved; Antom's amount is booked.</summary>
    AmountDiffers = 1,

    /// <summary>A final outcome contradicts the final outcome already booked (S then F, or F then S); the first stays booked.</summary>
    ConflictingFinalState,

    /// <summary>Antom reports an operation the ledger never reserved or sent; it is booked as Antom reports it.</summary>
    Unrequested,

    /// <summary>
    /// Antom reports a capture, refund or amount update that succeeded after the payment was cancelled. The payment stays
    /// cancelled (Antom refunds a buyer who paid after a cancel in full); the operation is booked as reported.
    /// </summary>
    SucceededAfterCancel,
}
