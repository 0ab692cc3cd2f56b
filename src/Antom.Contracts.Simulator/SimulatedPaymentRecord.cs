using System;
using System.Collections.Generic;
using System.Linq;

namespace Antom.Contracts.Simulator;

/// <summary>
/// A payment and Antom's rules over it. Every member is read and changed under the record's lock (the caller's), so a
/// decision and the state it reads are one step.
/// </summary>
internal sealed class SimulatedPaymentRecord(string paymentId, string paymentRequestId, SimulatedTransaction authorization, bool allowsMultipleCaptures, DateTimeOffset? authExpiry)
{
    /// <summary>Cancel is allowed for seven days after the payment [D cashierpay/cancel.md].</summary>
    public static readonly TimeSpan CancelWindow = TimeSpan.FromDays(7);

    /// <summary>Antom's default maximum of adjustments by updateAmount.</summary>
    public const int MaxIncrements = 10;

    public string PaymentId { get; } = paymentId;

    public string PaymentRequestId { get; } = paymentRequestId;

    public SimulatedTransaction Authorization { get; } = authorization;

    public bool AllowsMultipleCaptures { get; } = allowsMultipleCaptures;

    public DateTimeOffset Created { get; } = authorization.Time;

    public DateTimeOffset? AuthExpiry { get; } = authExpiry;

    /// <summary>The authorised amount as last successfully updated.</summary>
    public Money Authorized { get; set; } = authorization.Amount;

    /// <summary>Every transaction, the authorisation first, in the order they were made.</summary>
    public List<SimulatedTransaction> Transactions { get; } = [authorization];

    /// <summary>The cancel that passed the rules (S, U while undecided, or a scripted F); a repeated cancel answers it.</summary>
    public SimulatedTransaction? Cancel { get; set; }

    public bool IsCancelled => Cancel is { Holds: true };

    public PaymentStatus Status
        => Cancel is { Status: ResultStatus.Success } ? PaymentStatus.Cancelled
            : Authorization.Status switch
            {
                ResultStatus.Success => PaymentStatus.Success,
                ResultStatus.Failure => PaymentStatus.Fail,
                _ => PaymentStatus.Processing,
            };

    public IEnumerable<SimulatedTransaction> Of(SimulatedOperation kind) => Transactions.Where(t => t.Kind == kind);

    public SimulatedTransaction? Find(SimulatedOperation kind, string requestId) => Of(kind).FirstOrDefault(t => t.RequestId == requestId);

    public Money Sum(SimulatedOperation kind, Func<SimulatedTransaction, bool> which)
        => Money.FromMinorUnits(Of(kind).Where(which).Sum(t => t.Amount.MinorUnits), Authorized.Currency);

    public bool Expired(DateTimeOffset now) => AuthExpiry is { } expiry && now > expiry;

    /// <summary>Why a capture of <paramref name="amount"/> is refused, or null.</summary>
    public ResultCode? RefuseCapture(Money amount, DateTimeOffset now)
    {
        if (IsCancelled)
        {
            return ResultCode.AuthCancelled;
        }

        if (Authorization.Status != ResultStatus.Success)
        {
            return ResultCode.OrderStatusInvalid;
        }

        if (Expired(now))
        {
            return ResultCode.AuthExpired;
        }

        if (amount.Currency != Authorized.Currency)
        {
            return ResultCode.CurrencyNotSupport;
        }

        if (!AllowsMultipleCaptures && Of(SimulatedOperation.Capture).Any(c => c.Holds))
        {
            return ResultCode.MultiCaptureNotSupported;
        }

        return amount.MinorUnits + Sum(SimulatedOperation.Capture, c => c.Holds).MinorUnits > Authorized.MinorUnits
            ? ResultCode.CaptureAmountExceedAuthLimit
            : null;
    }

    /// <summary>
    /// Why a cancel is refused, or null. Any refund: <c>PROCESS_FAIL</c>; captured (or a capture in process):
    /// <c>ORDER_STATUS_INVALID</c> (the reference's cut-off code, schemas/README's safe reading); past seven days:
    /// <c>CANCEL_WINDOW_EXCEED</c>; a failed pay: <c>ORDER_STATUS_INVALID</c>.
    /// </summary>
    public ResultCode? RefuseCancel(DateTimeOffset now)
    {
        if (Of(SimulatedOperation.Refund).Any(r => r.Holds))
        {
            return ResultCode.ProcessFail;
        }

        if (Of(SimulatedOperation.Capture).Any(c => c.Holds) || Authorization.Status == ResultStatus.Failure)
        {
            return ResultCode.OrderStatusInvalid;
        }

        return now > Created + CancelWindow ? ResultCode.CancelWindowExceed : null;
    }

    /// <summary>
    /// Why a refund of <paramref name="amount"/> is refused, or null: never before a successful capture nor on a
    /// cancelled payment (<c>ORDER_STATUS_INVALID</c>, the safe reading), never beyond captured − refunded
    /// (<c>REFUND_AMOUNT_EXCEED</c>; refunds in process count as refunded).
    /// </summary>
    public ResultCode? RefuseRefund(Money amount)
    {
        if (amount.Currency != Authorized.Currency)
        {
            return ResultCode.CurrencyNotSupport;
        }

        if (amount.MinorUnits <= 0)
        {
            return ResultCode.ParamIllegal;
        }

        Money captured = Sum(SimulatedOperation.Capture, c => c.Status == ResultStatus.Success);
        if (IsCancelled || captured.MinorUnits == 0)
        {
            return ResultCode.OrderStatusInvalid;
        }

        return amount.MinorUnits > captured.MinorUnits - Sum(SimulatedOperation.Refund, r => r.Holds).MinorUnits ? ResultCode.RefundAmountExceed : null;
    }

    /// <summary>
    /// Why an updateAmount to the new total <paramref name="amount"/> is refused, or null: the preconditions of the
    /// reference's §8 (authorised, not cancelled nor expired, no capture initiated, no other increment in progress, at
    /// most ten) answer <c>INCREMENTAL_NOT_SUPPORT</c>; another currency <c>CURRENCY_NOT_SUPPORT</c>; a total not above
    /// the current one <c>PARAM_ILLEGAL</c>.
    /// </summary>
    public ResultCode? RefuseUpdate(Money amount, DateTimeOffset now)
    {
        if (Authorization.Status != ResultStatus.Success || IsCancelled || Expired(now)
            || Of(SimulatedOperation.Capture).Any(c => c.Holds)
            || Of(SimulatedOperation.UpdateAmount).Any(u => u.Status == ResultStatus.Unknown)
            || Of(SimulatedOperation.UpdateAmount).Count(u => u.Status == ResultStatus.Success) >= MaxIncrements)
        {
            return ResultCode.IncrementalNotSupport;
        }

        if (amount.Currency != Authorized.Currency)
        {
            return ResultCode.CurrencyNotSupport;
        }

        return amount.MinorUnits <= Authorized.MinorUnits ? ResultCode.ParamIllegal : null;
    }

    /// <summary>Makes <paramref name="transaction"/> final (or U), with what that changes: a successful increment is the new authorised amount.</summary>
    public void Settle(SimulatedTransaction transaction, ResultStatus status, ResultCode code, DateTimeOffset now)
    {
        transaction.Status = status;
        transaction.Code = code;
        transaction.Time = now;
        if (transaction.Kind == SimulatedOperation.UpdateAmount && status == ResultStatus.Success)
        {
            Authorized = transaction.Amount;
        }
    }

    public SimulatedPayment Snapshot()
        => new(PaymentId, PaymentRequestId, Status, Authorized, Sum(SimulatedOperation.Capture, c => c.Status == ResultStatus.Success), Sum(SimulatedOperation.Refund, r => r.Status == ResultStatus.Success));
}
