using System;
using System.Linq;
using System.Threading.Tasks;
using Antom.Contracts.Http;
using Antom.Contracts.Notifications;
using Antom.Contracts.Simulator;
using Xunit;

namespace Antom.Contracts.EndToEnd.Tests;

/// <summary>
/// The fault matrix of docs/reliability.md for pay, refund and cancel (capture's is <see cref="FaultMatrixTests"/>):
/// for every row the caller gets either a verified answer for its own request or <see cref="AntomOutcomeUnknownException"/>
/// naming its idempotency key; a retry under the same id then returns the true state, which inquiryPayment or
/// inquiryRefund confirms; and every final result is notified and handled exactly once as a first delivery.
/// </summary>
public sealed class LifecycleFaultMatrixTests : IAsyncLifetime
{
    private const string PaymentId = "pay-fault";
    private SimulatorHarness _h = null!;

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

        await _h.Simulator.WhenIdleAsync();
        ResultStatus truth = row == "U-then-F" ? ResultStatus.Failure : ResultStatus.Success;
        AntomResult retried = await op.Send(_h.Client());
        Assert.Equal(truth, retried.ResultStatus);
        Assert.Equal(truth == ResultStatus.Success ? ResultCode.Success : ResultCode.ProcessFail, retried.ResultCode);
        Assert.Equal(truth, await op.TrueState());

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
                    async () => (await _h.Client().InquiryPaymentAsync(new InquiryPaymentRequest { PaymentRequestId = pay.PaymentRequestId })).PaymentStatus == PaymentStatus.Success ? ResultStatus.Success : ResultStatus.Failure,
                    n => n is PaymentResultReceived p && p.Notification.PaymentRequestId == pay.PaymentRequestId,
                    (n, truth) => ((PaymentResultReceived)n).Notification.Result.ResultStatus == truth);
            case SimulatedOperation.Refund:
                _h.Simulator.SeedPayment(PaymentId, Money.FromMajorUnits(100, "BRL"));
                await _h.Client().CaptureAsync(new CaptureRequest { CaptureRequestId = "cap", PaymentId = PaymentId, CaptureAmount = Money.FromMajorUnits(60, "BRL") });
                var refund = new RefundRequest { RefundRequestId = "ref-" + row, PaymentId = PaymentId, RefundAmount = Money.FromMajorUnits(40, "BRL") };
                return new Operation(
                    refund.RefundRequestId,
                    async client => (await client.RefundAsync(refund)).Result,
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
                _h.Simulator.SeedPayment(PaymentId, Money.FromMajorUnits(100, "BRL"));
                var cancel = new CancelRequest { PaymentId = PaymentId };
                return new Operation(
                    PaymentId,
                    async client => (await client.CancelAsync(cancel)).Result,
                    async () => (await _h.Client().InquiryPaymentAsync(paymentId: PaymentId)).PaymentStatus == PaymentStatus.Cancelled ? ResultStatus.Success : ResultStatus.Failure,
                    _ => true,
                    (_, _) => false);
        }
    }

    /// <summary>One operation under test: its request sent by a client, its idempotency key, Antom's true state, and which notifications are its.</summary>
    private sealed record Operation(
        string Key,
        Func<AntomClient, Task<AntomResult>> Send,
        Func<Task<ResultStatus>> TrueState,
        Func<AntomNotification, bool> Notifies,
        Func<AntomNotification, ResultStatus, bool> IsFinal);
}
