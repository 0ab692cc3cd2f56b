using System;
using System.Collections.Generic;
using System.Linq;

namespace Antom.Contracts.Ledger;

public sealed partial class AuthorizationLedger
{
    /// <summary>Every rule of Antom's cancel API that <paramref name="request"/> would break at <paramref name="now"/>; empty when it may be sent.</summary>
    public IReadOnlyList<LedgerViolation> Check(CancelRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        List<LedgerViolation> violations = Common(LedgerOperation.Cancel, CancelledPaymentId(request), Authorized);
        if (violations.Remove(LedgerViolation.Cancelled) || IsRetry(LedgerOperation.Cancel, PaymentId, Authorized, violations))
        {
            return violations; // a cancel again is a retry of the one cancel (its key is the payment's): Antom answers it as before
        }

        if (Live(LedgerOperation.Capture).Any())
        {
            violations.Add(LedgerViolation.CancelAfterCapture);
        }

        if (Live(LedgerOperation.Refund).Any())
        {
            violations.Add(LedgerViolation.CancelAfterRefund);
        }

        if (UpdateInFlight)
        {
            violations.Add(LedgerViolation.UpdateInFlight); // an incremental authorisation resolving after the cancel would disagree with it
        }

        if (now > Terms.AuthorizedAt + CancelWindow)
        {
            violations.Add(LedgerViolation.CancelWindowClosed);
        }

        return violations;
    }

    /// <summary>
    /// Reserves the cancel <paramref name="request"/> before it is sent: while it is held nothing else may start. A
    /// cancel again (a retry: its idempotency key is the payment's) changes nothing; after a failed cancel, it reserves anew.
    /// </summary>
    /// <exception cref="OperationRefusedException">The cancel would break a rule (<see cref="Check(CancelRequest, DateTimeOffset)"/>); nothing is reserved, do not send it.</exception>
    public AuthorizationLedger Reserve(CancelRequest request, DateTimeOffset now)
        => Reserve(new LedgerEntry(LedgerOperation.Cancel, PaymentId, null, Authorized, OperationState.Reserved, IsLastCapture: false), Check(request, now).ToList());

    /// <summary>Records Antom's verified answer to a reserved cancel: S cancelled (final), F nothing changed, U held.</summary>
    /// <exception cref="ArgumentException">The request or the answer is for another payment.</exception>
    /// <exception cref="InvalidOperationException">The cancel was not reserved before it was sent.</exception>
    public AuthorizationLedger Record(CancelRequest request, CancelResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        RequireThisPayment(CancelledPaymentId(request), "the request");
        if (Http.AnswerBinding.CancelMismatch(request, response) is { } mismatch)
        {
            throw new ArgumentException($"The answer is not this cancel's: {mismatch}. Nothing was recorded.", nameof(response));
        }

        RequireReserved(LedgerOperation.Cancel, PaymentId);
        return With(LedgerOperation.Cancel, PaymentId, null, Find(LedgerOperation.Cancel, PaymentId)!.Amount, StateOf(response.Result.ResultStatus), requested: true);
    }

    // The payment a cancel acts on, as this ledger can tell: paymentId wins; a paymentRequestId alone names this payment only when the terms know it.
    private string? CancelledPaymentId(CancelRequest request)
        => request.PaymentId
           ?? (Terms.PaymentRequestId is { } known && string.Equals(request.PaymentRequestId, known, StringComparison.Ordinal) ? PaymentId : null);
}
