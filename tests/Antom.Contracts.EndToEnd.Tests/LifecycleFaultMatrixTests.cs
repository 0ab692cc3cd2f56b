using System;
using System.Linq;
using System.Threading.Tasks;
using Antom.Contracts.Http;
using Antom.Contracts.Ledger;
using Antom.Contracts.Notifications;
using Antom.Contracts.Simulator;
using Xunit;

namespace Antom.Contracts.EndToEnd.Tests;

/// <summary>
/// The fault matrix of docs/reliability.md for pay, refund and cancel (capture's is <see cref="FaultMatrixTests"/>):
/// for every row the caller gets either a verified answer for its own request or <see cref="AntomOutcomeUnknownException"/>
/// naming its idempotency key; a retry under the same id then returns the true state, which inquiryPayment or
/// inquiryRefund confirms; and every final result is notified and handled exactly once as a first delivery. Refund and
/// cancel go through the <see cref="AuthorizationLedger"/> (check → reserve → persist → send → record): while the
/// outcome is unknown the operation stays held, <see cref="OperationPoller"/> resolves it, and the ledger ends equal to
/// the simulator's record with no discrepancy. Pay, which comes before any ledger, is resolved by the poller too.
/// </summary>
public sealed class LifecycleFaultMatrixTests : IAsyncLifetime
{
    private const string PaymentId = "pay-fault";
    private static readonly Money Authorized = Money.FromMajorUnits(100, "BRL");
    private static readonly PollingOptions Polling = new(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(10));
    private SimulatorHarness _h = null!;
    private AuthorizationLedger _ledger = AuthorizationLedger.Open(new AuthorizationTerms(PaymentId, Authorized, DateTimeOffset.UtcNow.AddMinutes(-5)) { AllowsMultipleCaptures = true });

    public static TheoryData<SimulatedOperation, string> Rows
    {
        get
        {
            var rows = new TheoryData<SimulatedOperation, string>();
            foreach (string row in FaultRows.Names)
            {
                rows.Add(SimulatedOperation.Pay, row);
                rows.Add(SimulatedOperation.Refund, row);
                if (row is not ("notification-before-answer" or "notification-twice-at-once" or "out-of-order"))
                {
                    rows.Add(SimulatedOperation.Cancel, row); // cancel has no notification
                }
            }

            return rows;
        }
    }

    public async Task InitializeAsync() => _h = await SimulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Every_fault_ends_in_a_verified_answer_or_outcome_unknown_and_a_same_id_retry_gives_the_true_state(SimulatedOperation operation, string row)
    {
        (OperationScript script, NoVerifiedAnswerReason? expectedReason, ResultStatus? expectedAnswer) = FaultRows.For(row);
        if (operation == SimulatedOperation.Cancel && row == "U-then-S")
        {
            script = OperationScript.AnswerUnknownFirst; // the same U, without the U notification cancel does not have
        }

        Operation op = await SetUpAsync(operation, row);
        _h.Simulator.Script(operation, script);

        try
        {
            AntomResult answer = await op.Send(_h.Client(FaultRows.Timeout(row)));
            Assert.Null(expectedReason);
            Assert.Equal(expectedAnswer, answer.ResultStatus);
        }
        catch (AntomOutcomeUnknownException unknown)
        {
            Assert.Equal(expectedReason, unknown.Reason);
            Assert.Equal(op.Key, unknown.IdempotencyKey);
        }

        // Whatever came back, the operation is held until it is final: nothing can be refunded twice, nothing starts beside a cancel.
        op.AssertHeldOrFinal();

        await _h.Simulator.WhenIdleAsync();
        ResultStatus truth = row == "U-then-F" ? ResultStatus.Failure : ResultStatus.Success;
        Assert.Equal(truth, await op.Resolve());
        AntomResult retried = await op.Send(_h.Client());
        Assert.Equal(truth, retried.ResultStatus);
        Assert.Equal(truth == ResultStatus.Success ? ResultCode.Success : ResultCode.ProcessFail, retried.ResultCode);
        Assert.Equal(truth, await op.TrueState());
        op.AssertLedger(truth);
        Assert.Empty(_ledger.Discrepancies);
        Assert.Equal(_ledger.ToState(), AuthorizationLedger.FromState(_ledger.ToState()).ToState());

        // Every final result reached the handler exactly once as a first delivery; no result was handled twice as one.
        var handled = _h.Handled.Where(h => op.Notifies(h.Notification)).ToArray();
        if (operation == SimulatedOperation.Cancel)
        {
            Assert.Empty(handled);
        }
        else
        {
            Assert.Single(handled, h => op.IsFinal(h.Notification, truth) && !h.Context.IsRedelivery);
        }

        Assert.All(_h.Handled.GroupBy(h => h.Context.Key), g => Assert.Single(g, h => !h.Context.IsRedelivery));
        if (row == "notification-twice-at-once")
        {
            Assert.Contains(handled, h => op.IsFinal(h.Notification, truth) && h.Context.IsRedelivery);
        }

        if (row is "U-then-S" or "out-of-order" && operation != SimulatedOperation.Cancel)
        {
            Assert.Single(handled, h => !op.IsFinal(h.Notification, truth) && !h.Context.IsRedelivery); // the U did not shadow the S
        }
    }

    [Theory]
    [InlineData("notification-before-answer")]
    [InlineData("notification-twice-at-once")]
    [InlineData("U-then-S")]
    [InlineData("out-of-order")]
    public void A_notification_script_for_cancel_is_refused_as_cancel_has_no_notification(string row)
        => Assert.Throws<ArgumentException>(() => _h.Simulator.Script(SimulatedOperation.Cancel, FaultRows.For(row).Script));

    private async Task<Operation> SetUpAsync(SimulatedOperation operation, string row)
    {
        switch (operation)
        {
            case SimulatedOperation.Pay:
                PayRequest pay = SimulatorHarness.Pay("pay-" + row, Money.FromMajorUnits(100, "BRL"));
                return new Operation(
                    pay.PaymentRequestId,
                    async client => (await client.PayAsync(pay)).Result,
                    async () => (await OperationPoller.ResolvePayAsync(_h.Client(), pay, Polling)).PaymentStatus == PaymentStatus.Success ? ResultStatus.Success : ResultStatus.Failure,
                    () => { },
                    _ => { },
                    async () => (await _h.Client().InquiryPaymentAsync(new InquiryPaymentRequest { PaymentRequestId = pay.PaymentRequestId })).PaymentStatus == PaymentStatus.Success ? ResultStatus.Success : ResultStatus.Failure,
                    n => n is PaymentResultReceived p && p.Notification.PaymentRequestId == pay.PaymentRequestId,
                    (n, truth) => ((PaymentResultReceived)n).Notification.Result.ResultStatus == truth);
            case SimulatedOperation.Refund:
                _h.Simulator.SeedPayment(PaymentId, Authorized);
                var capture = new CaptureRequest { CaptureRequestId = "cap", PaymentId = PaymentId, CaptureAmount = Money.FromMajorUnits(60, "BRL") };
                _ledger = _ledger.Reserve(capture, DateTimeOffset.UtcNow);
                _ledger = _ledger.Record(capture, await _h.Client().CaptureAsync(capture));
                var refund = new RefundRequest { RefundRequestId = "ref-" + row, PaymentId = PaymentId, RefundAmount = Money.FromMajorUnits(40, "BRL") };
                return new Operation(
                    refund.RefundRequestId,
                    async client =>
                    {
                        _ledger = _ledger.Reserve(refund, DateTimeOffset.UtcNow); // a retry under the same id reserves nothing more
                        RefundResponse response = await client.RefundAsync(refund);
                        _ledger = _ledger.Record(refund, response);
                        return response.Result;
                    },
                    async () =>
                    {
                        InquiryRefundResponse inquiry = await OperationPoller.ResolveRefundAsync(_h.Client(), refund, Polling);
                        _ledger = _ledger.Apply(inquiry);
                        return inquiry.RefundState == RefundState.Refunded ? ResultStatus.Success : ResultStatus.Failure;
                    },
                    () =>
                    {
                        LedgerEntry entry = _ledger.Find(LedgerOperation.Refund, refund.RefundRequestId)!;
                        if (entry.State != OperationState.Succeeded)
                        {
                            Assert.Equal(Money.FromMajorUnits(20, "BRL"), _ledger.Refundable); // 60 captured, 40 held
                            var another = refund with { RefundRequestId = "ref-again" };
                            Assert.Contains(LedgerViolation.ExceedsRefundable, Assert.Throws<OperationRefusedException>(() => _ledger.Reserve(another, DateTimeOffset.UtcNow)).Violations);
                        }
                    },
                    truth =>
                    {
                        Assert.Equal(truth == ResultStatus.Success ? OperationState.Succeeded : OperationState.Failed, _ledger.Find(LedgerOperation.Refund, refund.RefundRequestId)!.State);
                        Assert.Equal(truth == ResultStatus.Success ? refund.RefundAmount : Money.Zero(Authorized.Currency), _ledger.Refunded);
                        Assert.Equal(Money.Zero(Authorized.Currency), _ledger.RefundsHeld);
                    },
                    async () =>
                    {
                        SimulatedRefund antom = Assert.Single(_h.Simulator.Refunds(PaymentId));
                        RefundState state = (await _h.Client().InquiryRefundAsync(new InquiryRefundRequest { RefundRequestId = refund.RefundRequestId })).RefundState;
                        Assert.Equal(antom.Status == ResultStatus.Success ? RefundState.Refunded : RefundState.Failed, state);
                        return antom.Status;
                    },
                    n => n is RefundResultReceived r && r.Notification.RefundRequestId == refund.RefundRequestId,
                    (n, truth) => ((RefundResultReceived)n).State == (truth == ResultStatus.Success ? RefundState.Refunded : RefundState.Failed));
            default:
                _h.Simulator.SeedPayment(PaymentId, Authorized);
                var cancel = new CancelRequest { PaymentId = PaymentId };
                return new Operation(
                    PaymentId,
                    async client =>
                    {
                        _ledger = _ledger.Reserve(cancel, DateTimeOffset.UtcNow);
                        CancelResponse response = await client.CancelAsync(cancel);
                        _ledger = _ledger.Record(cancel, response);
                        return response.Result;
                    },
                    async () =>
                    {
                        _ledger = _ledger.Apply(await OperationPoller.ResolveCancelAsync(_h.Client(), cancel, Polling));
                        return _ledger.IsCancelled ? ResultStatus.Success : ResultStatus.Failure;
                    },
                    () =>
                    {
                        if (!_ledger.IsCancelled)
                        {
                            // Undecided: the cancel may have happened, so no capture may start beside it.
                            var capture = new CaptureRequest { CaptureRequestId = "cap-beside", PaymentId = PaymentId, CaptureAmount = Authorized };
                            Assert.Contains(LedgerViolation.CancelInFlight, _ledger.Check(capture, DateTimeOffset.UtcNow));
                        }
                    },
                    truth =>
                    {
                        Assert.Equal(truth == ResultStatus.Success, _ledger.IsCancelled);
                        Assert.Equal(truth == ResultStatus.Success ? OperationState.Succeeded : OperationState.Failed, _ledger.CancelState);
                        Assert.Equal(truth == ResultStatus.Success ? Money.Zero(Authorized.Currency) : Authorized, _ledger.Remaining);
                    },
                    async () => (await _h.Client().InquiryPaymentAsync(paymentId: PaymentId)).PaymentStatus == PaymentStatus.Cancelled ? ResultStatus.Success : ResultStatus.Failure,
                    _ => true,
                    (_, _) => false);
        }
    }

    /// <summary>
    /// One operation under test: its idempotency key; its request reserved, sent by a client and recorded; its resolution
    /// by <see cref="OperationPoller"/> (applied to the ledger); what the ledger must show while it is held and once it is
    /// final; Antom's true state; and which notifications are its.
    /// </summary>
    private sealed record Operation(
        string Key,
        Func<AntomClient, Task<AntomResult>> Send,
        Func<Task<ResultStatus>> Resolve,
        Action AssertHeldOrFinal,
        Action<ResultStatus> AssertLedger,
        Func<Task<ResultStatus>> TrueState,
        Func<AntomNotification, bool> Notifies,
        Func<AntomNotification, ResultStatus, bool> IsFinal);
}
