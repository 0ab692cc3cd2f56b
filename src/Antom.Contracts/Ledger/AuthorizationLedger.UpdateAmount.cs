using System;
using System.Collections.Generic;
using System.Linq;

namespace Antom.Contracts.Ledger;

public sealed partial class AuthorizationLedger
{
    /// <summary>Every precondition of Antom's updateAmount that <paramref name="request"/> would break at <paramref name="now"/>; empty when it may be sent.</summary>
    public IReadOnlyList<LedgerViolation> Check(UpdateAmountRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        Money amount = request.Amount;
        List<LedgerViolation> violations = Common(LedgerOperation.UpdateAmount, request.PaymentId, amount);
        if (Terms.AuthExpiryTime is { } expiry && now > expiry)
        {
            violations.Add(LedgerViolation.AuthorizationExpired);
        }

        if (IsRetry(LedgerOperation.UpdateAmount, request.UpdateRequestId, amount, violations))
        {
            return violations;
        }

        if (!Terms.IncrementalAuthorizationAvailable)
        {
            violations.Add(LedgerViolation.IncrementalAuthorizationNotAvailable);
        }

        if (Of(LedgerOperation.Capture).Any())
        {
            violations.Add(LedgerViolation.UpdateAfterCapture); // "no capture has been initiated": a failed one was initiated too
        }

        if (UpdateInFlight)
        {
            violations.Add(LedgerViolation.UpdateInFlight);
        }

        if (Live(LedgerOperation.UpdateAmount).Count() >= MaxAmountUpdates)
        {
            violations.Add(LedgerViolation.UpdateLimitReached);
        }

        if (amount.Currency == Authorized.Currency && amount <= Authorized)
        {
            violations.Add(LedgerViolation.NotAnIncrease);
        }

        return violations;
    }

    private bool UpdateInFlight => Of(LedgerOperation.UpdateAmount).Any(e => e.State is OperationState.Reserved or OperationState.Pending);

    /// <summary>
    /// Reserves the updateAmount <paramref name="request"/> before it is sent. Captures stay bounded by the current
    /// <see cref="Authorized"/> amount until Antom notifies the update as final. Reserving the same request again (a
    /// retry under the same id) changes nothing.
    /// </summary>
    /// <exception cref="OperationRefusedException">The update would break a precondition (<see cref="Check(UpdateAmountRequest, DateTimeOffset)"/>); nothing is reserved, do not send it.</exception>
    public AuthorizationLedger Reserve(UpdateAmountRequest request, DateTimeOffset now)
        => Reserve(new LedgerEntry(LedgerOperation.UpdateAmount, request.UpdateRequestId, null, request.Amount, OperationState.Reserved, IsLastCapture: false), Check(request, now).ToList());

    /// <summary>
    /// Records Antom's verified answer to a reserved updateAmount: S is <em>accepted</em> only and stays
    /// <see cref="OperationState.Pending"/> (the amount is final with its <c>UPDATE_AMOUNT_RESULT</c>), F failed, U held.
    /// </summary>
    /// <exception cref="ArgumentException">The request or the answer is for another payment, or the answer echoes another request's id or amount.</exception>
    /// <exception cref="InvalidOperationException">The update was not reserved before it was sent.</exception>
    public AuthorizationLedger Record(UpdateAmountRequest request, UpdateAmountResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        RequireThisPayment(request.PaymentId, "the request");
        if (Http.AnswerBinding.UpdateAmountMismatch(request, response) is { } mismatch)
        {
            throw new ArgumentException($"The answer is not update {request.UpdateRequestId}'s: {mismatch}. Nothing was recorded.", nameof(response));
        }

        RequireReserved(LedgerOperation.UpdateAmount, request.UpdateRequestId);
        OperationState state = response.Result.ResultStatus == ResultStatus.Failure ? OperationState.Failed : OperationState.Pending;
        return With(LedgerOperation.UpdateAmount, request.UpdateRequestId, null, request.Amount, state, requested: true);
    }

    /// <summary>
    /// Applies a notifyPayment. Only <c>UPDATE_AMOUNT_RESULT</c> changes the ledger: S makes its <c>paymentAmount</c> the
    /// authorised amount, F leaves it as it was; every other notification type (the authorisation's own result, a
    /// pending notice) changes nothing here.
    /// </summary>
    /// <exception cref="ArgumentException">The notification is for another payment, or is an <c>UPDATE_AMOUNT_RESULT</c> without <c>updateRequestId</c>.</exception>
    public AuthorizationLedger Apply(PaymentResultNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        RequireThisPayment(notification.PaymentId, "the notification");
        if (notification.NotifyType != PaymentNotifyType.UpdateAmountResult)
        {
            return this;
        }

        if (notification.UpdateRequestId is not { } updateRequestId)
        {
            throw new ArgumentException($"An UPDATE_AMOUNT_RESULT for payment {PaymentId} carries no updateRequestId: it cannot be matched to an update. Nothing was applied.", nameof(notification));
        }

        OperationState state = notification.Outcome switch
        {
            PaymentOutcome.AmountUpdated => OperationState.Succeeded,
            PaymentOutcome.AmountUpdateFailed => OperationState.Failed,
            _ => OperationState.Pending,
        };
        return With(LedgerOperation.UpdateAmount, updateRequestId, null, notification.PaymentAmount, state, requested: false);
    }
}
