using System;
using System.Collections.Generic;
using System.Linq;

namespace Antom.Contracts.Ledger;

public sealed partial class AuthorizationLedger
{
    /// <summary>Every rule of Antom's capture API that <paramref name="request"/> would break at <paramref name="now"/>; empty when it may be sent.</summary>
    public IReadOnlyList<LedgerViolation> Check(CaptureRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        Money amount = request.CaptureAmount;
        List<LedgerViolation> violations = Common(LedgerOperation.Capture, request.PaymentId, amount);
        if (now > Terms.AuthorizedAt + CaptureWindow)
        {
            violations.Add(LedgerViolation.CaptureWindowClosed);
        }

        if (Terms.AuthExpiryTime is { } expiry && now > expiry)
        {
            violations.Add(LedgerViolation.AuthorizationExpired);
        }

        if (IsRetry(LedgerOperation.Capture, request.CaptureRequestId, amount, violations))
        {
            return violations;
        }

        IEnumerable<LedgerEntry> live = Live(LedgerOperation.Capture);
        if (live.Any(e => e.IsLastCapture))
        {
            violations.Add(LedgerViolation.AfterLastCapture);
        }

        if (!Terms.AllowsMultipleCaptures && live.Any())
        {
            violations.Add(LedgerViolation.MultipleCapturesNotAllowed);
        }

        if (amount.Currency == Authorized.Currency)
        {
            if (amount > Remaining && !IsCancelled) // once cancelled, Cancelled is the reason, not the zero left
            {
                violations.Add(LedgerViolation.ExceedsRemaining);
            }

            if (Terms.IsAmericanCard && amount != Authorized)
            {
                violations.Add(LedgerViolation.AmericanCardNotInFull);
            }
        }

        return violations;
    }

    /// <summary>
    /// Reserves the capture <paramref name="request"/> before it is sent: its amount is held until an outcome resolves
    /// it. Reserving the same request again (a retry under the same id) changes nothing.
    /// </summary>
    /// <exception cref="OperationRefusedException">The capture would break a rule (<see cref="Check(CaptureRequest, DateTimeOffset)"/>); nothing is reserved, do not send it.</exception>
    public AuthorizationLedger Reserve(CaptureRequest request, DateTimeOffset now)
        => Reserve(new LedgerEntry(LedgerOperation.Capture, request.CaptureRequestId, null, request.CaptureAmount, OperationState.Reserved, request.IsLastCapture == true), Check(request, now).ToList());

    /// <summary>Records Antom's verified answer to a reserved capture: S captured, F released, U held.</summary>
    /// <exception cref="ArgumentException">The request or the answer is for another payment, or the answer echoes another request's id or amount.</exception>
    /// <exception cref="InvalidOperationException">The capture was not reserved before it was sent.</exception>
    public AuthorizationLedger Record(CaptureRequest request, CaptureResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        RequireThisPayment(request.PaymentId, "the request");
        RequireThisPayment(response.PaymentId ?? request.PaymentId, "the answer");
        if (Http.AnswerBinding.CaptureMismatch(request, response) is { } mismatch)
        {
            throw new ArgumentException($"The answer is not capture {request.CaptureRequestId}'s: {mismatch}. Nothing was recorded.", nameof(response));
        }

        RequireReserved(LedgerOperation.Capture, request.CaptureRequestId);
        return With(LedgerOperation.Capture, request.CaptureRequestId, response.CaptureId, response.CaptureAmount ?? request.CaptureAmount, StateOf(response.Result.ResultStatus), requested: true);
    }

    /// <summary>Applies a notifyCapture: it resolves a held capture (or books one the ledger had not seen, as a discrepancy).</summary>
    /// <exception cref="ArgumentException">The notification is for another payment.</exception>
    public AuthorizationLedger Apply(CaptureResultNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        RequireThisPayment(notification.PaymentId, "the notification");
        return With(LedgerOperation.Capture, notification.CaptureRequestId, notification.CaptureId, notification.CaptureAmount, StateOf(notification.Result.ResultStatus), requested: false);
    }
}
