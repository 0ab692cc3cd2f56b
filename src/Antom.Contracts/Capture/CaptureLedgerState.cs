using System;

namespace Antom.Contracts.Capture;

/// <summary>
/// Everything a <see cref="CaptureLedger"/> knows, as a plain record to persist: <see cref="CaptureLedger.ToState"/> and
/// <see cref="CaptureLedger.FromState"/> round-trip it exactly, and <see cref="Version"/> is what a store compares and swaps on.
/// </summary>
/// <param name="PaymentId">Antom's payment id of the authorisation.</param>
/// <param name="Authorized">The authorised amount.</param>
/// <param name="AuthorizedAt">When the authorisation succeeded.</param>
/// <param name="AuthExpiryTime"><c>authExpiryTime</c>, when Antom gave one.</param>
/// <param name="AllowsMultipleCaptures">Whether the method allows several partial captures.</param>
/// <param name="IsAmericanCard">Whether it is an American card (captured in full only).</param>
/// <param name="Version">Increments on every change.</param>
/// <param name="Entries">Every capture, ordered by request id.</param>
/// <param name="Discrepancies">Every disagreement with Antom, in the order found.</param>
public sealed record CaptureLedgerState(
    string PaymentId,
    Money Authorized,
    DateTimeOffset AuthorizedAt,
    DateTimeOffset? AuthExpiryTime,
    bool AllowsMultipleCaptures,
    bool IsAmericanCard,
    long Version,
    ValueList<CaptureEntry> Entries,
    ValueList<CaptureDiscrepancy> Discrepancies);
