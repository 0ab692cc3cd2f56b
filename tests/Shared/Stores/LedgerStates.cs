using System;
using Antom.Contracts.Ledger;

namespace Antom.Contracts.Tests.Stores;

/// <summary>Ledger states for store tests: every field set, with offsets, nulls and each enum member somewhere.</summary>
internal static class LedgerStates
{
    public static readonly DateTimeOffset AuthorizedAt = new DateTimeOffset(2026, 9, 1, 7, 0, 0, TimeSpan.FromHours(-7)).AddTicks(1_234_567);

    public static Money Brl(long minor) => Money.FromMinorUnits(minor, "BRL");

    public static AuthorizationTerms Terms(string paymentId, long authorizedMinor = 10_000) => new(paymentId, Brl(authorizedMinor), AuthorizedAt)
    {
        PaymentRequestId = "order-" + paymentId,
        AuthExpiryTime = new DateTimeOffset(2026, 9, 8, 23, 59, 59, TimeSpan.FromHours(5.75)).AddTicks(7),
        AllowsMultipleCaptures = true,
        IsAmericanCard = false,
        IncrementalAuthorizationAvailable = true,
        RefundWindow = TimeSpan.FromDays(180) + TimeSpan.FromTicks(3),
    };

    /// <summary>A state as a ledger in use might hold it: captures in every state, a refund, an amount update, discrepancies.</summary>
    public static AuthorizationLedgerState Rich(string paymentId, long version = 7) => new(
        Terms(paymentId),
        version,
        ValueList.Create<LedgerEntry>(
        [
            new(LedgerOperation.Capture, "cap-1", "id-cap-1", Brl(6_000), OperationState.Succeeded, false),
            new(LedgerOperation.Capture, "cap-2", null, Brl(1_000), OperationState.Reserved, false),
            new(LedgerOperation.Capture, "cap-3", null, Brl(500), OperationState.Pending, true),
            new(LedgerOperation.Capture, "cap-4", "id-cap-4", Brl(1), OperationState.Failed, false),
            new(LedgerOperation.Refund, "ref-1", "id-ref-1", Brl(2_500), OperationState.Succeeded, false),
            new(LedgerOperation.UpdateAmount, "upd-1", null, Brl(12_000), OperationState.Pending, false),
            new(LedgerOperation.Cancel, paymentId, null, Brl(10_000), OperationState.Failed, false),
        ]),
        ValueList.Create<LedgerDiscrepancy>(
        [
            new(LedgerOperation.Capture, "cap-1", LedgerDiscrepancyKind.AmountDiffers, Brl(6_100), Brl(6_000), OperationState.Pending, OperationState.Succeeded),
            new(LedgerOperation.Refund, "ref-x", LedgerDiscrepancyKind.Unrequested, Brl(0), Brl(300), null, OperationState.Succeeded),
            new(LedgerOperation.Capture, "cap-4", LedgerDiscrepancyKind.ConflictingFinalState, Brl(1), Brl(1), OperationState.Failed, OperationState.Succeeded),
            new(LedgerOperation.UpdateAmount, "upd-0", LedgerDiscrepancyKind.SucceededAfterCancel, Brl(0), Brl(11_000), null, OperationState.Succeeded),
        ]));

    /// <summary>A freshly opened ledger's state: no entries, the optional terms unset.</summary>
    public static AuthorizationLedgerState Bare(string paymentId) => AuthorizationLedger.Open(new AuthorizationTerms(paymentId, Brl(10_000), AuthorizedAt)).ToState();
}
