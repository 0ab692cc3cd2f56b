using System;
using System.Collections.Generic;
using System.Linq;

namespace Antom.Contracts.Ledger;

public sealed partial class AuthorizationLedger
{
    /// <summary>Every rule of Antom's refund API that <paramref name="request"/> would break at <paramref name="now"/>; empty when it may be sent.</summary>
    public IReadOnlyList<LedgerViolation> Check(RefundRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        Money amount = request.RefundAmount;
        List<LedgerViolation> violations = Common(LedgerOperation.Refund, request.PaymentId, amount);
        if (Terms.RefundWindow is { } window && now > Terms.AuthorizedAt + window)
        {
            violations.Add(LedgerViolation.RefundWindowClosed);
        }

        if (IsRetry(LedgerOperation.Refund, request.RefundRequestId, amount, violations))
        {
            return violations;
        }

        if (Captured.MinorUnits == 0)
        {
            violations.Add(LedgerViolation.RefundBeforeCapture); // before capture, cancel; a capture still undecided is not money to give back
        }
        else if (amount.Currency == Authorized.Currency && amount > Refundable)
        {
            violations.Add(LedgerViolation.ExceedsRefundable);
        }

        return violations;
    }

    /// <summary>
    /// Reserves the refund <paramref name="request"/> before it is sent: its amount is held (no longer refundable) until
    /// an outcome resolves it. Reserving the same request again (a retry under the same id) changes nothing.
    /// </summary>
    /// <exception cref="OperationRefusedException">The refund would break a rule (<see cref="Check(RefundRequest, DateTimeOffset)"/>); nothing is reserved, do not send it.</exception>
    public AuthorizationLedger Reserve(RefundRequest request, DateTimeOffset now)
        => Reserve(new LedgerEntry(LedgerOperation.Refund, request.RefundRequestId, null, request.RefundAmount, OperationState.Reserved, IsLastCapture: false), Check(request, now).ToList());

    /// <summary>Records Antom's verified answer to a reserved refund: S refunded, F released, U (<c>REFUND_IN_PROCESS</c>) held.</summary>
    /// <exception cref="ArgumentException">The request or the answer is for another payment, or the answer echoes another request's id or amount.</exception>
    /// <exception cref="InvalidOperationException">The refund was not reserved before it was sent.</exception>
    public AuthorizationLedger Record(RefundRequest request, RefundResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        RequireThisPayment(request.PaymentId, "the request");
        if (Http.AnswerBinding.RefundMismatch(request, response) is { } mismatch)
        {
            throw new ArgumentException($"The answer is not refund {request.RefundRequestId}'s: {mismatch}. Nothing was recorded.", nameof(response));
        }

        RequireReserved(LedgerOperation.Refund, request.RefundRequestId);
        return With(LedgerOperation.Refund, request.RefundRequestId, response.RefundId, response.RefundAmount ?? request.RefundAmount, StateOf(response.Result.ResultStatus), requested: true);
    }

    /// <summary>
    /// Applies a notifyRefund: its <c>refundStatus</c> (not its <c>result</c>) resolves a held refund. A notifyRefund has
    /// no <c>paymentId</c>, so it is matched by <c>refundRequestId</c>: the refund must be one this ledger reserved.
    /// </summary>
    /// <exception cref="ArgumentException">This ledger never reserved the refund: it may belong to another payment.</exception>
    public AuthorizationLedger Apply(RefundResultNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return ApplyRefund(notification.RefundRequestId, notification.RefundId, notification.RefundAmount, notification.State, "the notifyRefund");
    }

    /// <summary>
    /// Applies an inquiryRefund answer: its <c>refundStatus</c> resolves a held refund. An inquiry whose own
    /// <c>result</c> is not S, or that gives no <c>refundStatus</c>, says nothing and changes nothing. Matched by
    /// <c>refundRequestId</c>, or by <c>refundId</c> once known.
    /// </summary>
    /// <exception cref="ArgumentException">This ledger never reserved the refund: it may belong to another payment.</exception>
    public AuthorizationLedger Apply(InquiryRefundResponse inquiry)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        if (inquiry.RefundState == RefundState.NotKnown)
        {
            return this;
        }

        string? requestId = inquiry.RefundRequestId ?? Of(LedgerOperation.Refund).FirstOrDefault(e => e.AntomId is not null && e.AntomId == inquiry.RefundId)?.RequestId;
        return ApplyRefund(requestId, inquiry.RefundId, inquiry.RefundAmount, inquiry.RefundState, "the inquiryRefund answer");
    }

    private AuthorizationLedger ApplyRefund(string? refundRequestId, string? refundId, Money? amount, RefundState refundState, string what)
    {
        if (refundRequestId is null || Find(LedgerOperation.Refund, refundRequestId) is not { } entry)
        {
            throw new ArgumentException($"{what} is for refund {refundRequestId ?? refundId ?? "(no id)"}, which this ledger (payment {PaymentId}) never reserved. It carries no paymentId: find the ledger by refundRequestId. Nothing was applied.");
        }

        OperationState state = refundState switch
        {
            RefundState.Refunded => OperationState.Succeeded,
            RefundState.Failed => OperationState.Failed,
            RefundState.Processing or RefundState.NotKnown => OperationState.Pending,
            _ => throw new ArgumentOutOfRangeException(nameof(refundState), refundState, "Not a RefundState member."),
        };
        return With(LedgerOperation.Refund, refundRequestId, refundId, amount ?? entry.Amount, state, requested: false);
    }
}
