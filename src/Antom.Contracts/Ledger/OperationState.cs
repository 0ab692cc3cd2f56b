namespace Antom.Contracts.Ledger;

/// <summary>Where one operation stands. Only <see cref="Succeeded"/> and <see cref="Failed"/> are final.</summary>
public enum OperationState
{
    /// <summary>Reserved before sending: no verified answer yet (or the outcome is unknown). It stays held.</summary>
    Reserved = 1,

    /// <summary>
    /// Antom answered <c>U</c>, or, for updateAmount, <c>S</c> (accepted, not applied: the new amount is final only with
    /// its <c>UPDATE_AMOUNT_RESULT</c>). Undecided: it stays held.
    /// </summary>
    Pending,

    /// <summary>Done: captured, refunded, cancelled, or the new authorised amount applies.</summary>
    Succeeded,

    /// <summary>Failed: it changed nothing, and what it held is released.</summary>
    Failed,
}
