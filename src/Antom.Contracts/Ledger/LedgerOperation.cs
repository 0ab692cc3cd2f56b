namespace Antom.Contracts.Ledger;

/// <summary>The kind of operation on an authorisation that an <see cref="AuthorizationLedger"/> tracks.</summary>
public enum LedgerOperation
{
    /// <summary>capture: idempotency key <c>captureRequestId</c>.</summary>
    Capture = 1,

    /// <summary>refund: idempotency key <c>refundRequestId</c>.</summary>
    Refund,

    /// <summary>cancel (void the authorisation): one per payment, keyed by the payment id.</summary>
    Cancel,

    /// <summary>updateAmount (incremental authorisation): idempotency key <c>updateRequestId</c>.</summary>
    UpdateAmount,
}
