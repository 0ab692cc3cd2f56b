namespace Antom.Contracts.Ledger;

/// <summary>
/// Everything an <see cref="AuthorizationLedger"/> knows, as a plain record to persist: <see cref="AuthorizationLedger.ToState"/>
/// and <see cref="AuthorizationLedger.FromState"/> round-trip it exactly, and <see cref="Version"/> is what a store compares and swaps on.
/// </summary>
/// <param name="Terms">What the authorisation allows.</param>
/// <param name="Version">Increments on every change.</param>
/// <param name="Entries">Every operation, ordered by kind, then request id.</param>
/// <param name="Discrepancies">Every disagreement with Antom, in the order found.</param>
public sealed record AuthorizationLedgerState(AuthorizationTerms Terms, long Version, ValueList<LedgerEntry> Entries, ValueList<LedgerDiscrepancy> Discrepancies);
