using Antom.Contracts.Serialization;

namespace Antom.Contracts.Ledger;

/// <summary>
/// Where one operation stands. Only <see cref="Succeeded"/> and <see cref="Failed"/> are final. A closed set, checked by
/// ANTOM1001: a switch over it names every member, so an undecided operation is never handled as a failed one.
/// </summary>
[AntomClosedEnum]
public enum OperationState
{
    /// <summary>Reserved before sending: no verified answer yet (or the outcome is unknown). It stays held.</summary>
    [AntomWireValue("Reserved", Description = "sent or about to be, with no verified answer: it may have happened, so it stays held; resolve it, never send it again under a new id")]
    Reserved = 1,

    /// <summary>
    /// Antom answered <c>U</c>, or, for updateAmount, <c>S</c> (accepted, not applied: the new amount is final only with
    /// its <c>UPDATE_AMOUNT_RESULT</c>). Undecided: it stays held.
    /// </summary>
    [AntomWireValue("Pending", Description = "undecided (U, or an accepted updateAmount): it stays held until its notification or an inquiry says S or F")]
    Pending,

    /// <summary>Done: captured, refunded, cancelled, or the new authorised amount applies.</summary>
    [AntomWireValue("Succeeded", Description = "done: captured, refunded, cancelled, or the new authorised amount applies")]
    Succeeded,

    /// <summary>Failed: it changed nothing, and what it held is released.</summary>
    [AntomWireValue("Failed", Description = "failed: nothing changed and what it held is released")]
    Failed,
}
