using System;
using System.Threading.Tasks;
using Antom.Contracts.Http;
using Antom.Contracts.Simulator;
using Xunit;

namespace Antom.Contracts.EndToEnd.Tests;

/// <summary>
/// <see cref="OperationPoller"/> against the simulator, started while the operation is still undecided: it sees the
/// undecided state first and keeps polling (never deciding on it) until the operation is final, whichever way it ends.
/// </summary>
public sealed class OperationPollerTests : IAsyncLifetime
{
    private const string PaymentId = "pay-poll";
    private static readonly PollingOptions Polling = new(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(10));
    private SimulatorHarness _h = null!;

    public async Task InitializeAsync() => _h = await SimulatorHarness.StartAsync(unknownResolvesAfter: TimeSpan.FromMilliseconds(400));

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_refund_in_process_is_polled_through_PROCESSING_to_its_refundStatus(bool succeeds)
    {
        await CapturedAsync();
        var refund = new RefundRequest { RefundRequestId = "ref-poll", PaymentId = PaymentId, RefundAmount = Money.FromMajorUnits(25, "BRL") };
        _h.Simulator.Script(SimulatedOperation.Refund, succeeds ? OperationScript.AnswerUnknownFirst : OperationScript.AnswerUnknownThenFail(ResultCode.ProcessFail));
        Assert.Equal(ResultCode.RefundInProcess, (await _h.Client().RefundAsync(refund)).Result.ResultCode);
        Assert.Equal(RefundState.Processing, (await _h.Client().InquiryRefundAsync(new InquiryRefundRequest { RefundRequestId = refund.RefundRequestId })).RefundState);

        InquiryRefundResponse resolved = await OperationPoller.ResolveRefundAsync(_h.Client(), refund, Polling);

        Assert.Equal(succeeds ? RefundState.Refunded : RefundState.Failed, resolved.RefundState);
        Assert.Equal(refund.RefundRequestId, resolved.RefundRequestId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_payment_in_process_is_polled_by_its_paymentRequestId_until_it_is_final(bool succeeds)
    {
        PayRequest pay = SimulatorHarness.Pay("order-poll", Money.FromMajorUnits(100, "BRL"));
        _h.Simulator.Script(SimulatedOperation.Pay, succeeds ? OperationScript.AnswerUnknownFirst : OperationScript.AnswerUnknownThenFail(ResultCode.ProcessFail));
        Assert.Equal(ResultStatus.Unknown, (await _h.Client().PayAsync(pay)).Result.ResultStatus);
        Assert.NotEqual(succeeds ? PaymentStatus.Success : PaymentStatus.Fail, (await _h.Client().InquiryPaymentAsync(paymentRequestId: pay.PaymentRequestId)).PaymentStatus);

        InquiryPaymentResponse resolved = await OperationPoller.ResolvePayAsync(_h.Client(), pay, Polling);

        Assert.Equal(succeeds ? PaymentStatus.Success : PaymentStatus.Fail, resolved.PaymentStatus);
        Assert.Equal(pay.PaymentRequestId, resolved.PaymentRequestId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_cancel_answered_U_is_polled_until_the_payment_is_cancelled_or_the_cancel_failed(bool succeeds)
    {
        _h.Simulator.SeedPayment(PaymentId, Money.FromMajorUnits(100, "BRL"));
        var cancel = new CancelRequest { PaymentId = PaymentId };
        _h.Simulator.Script(SimulatedOperation.Cancel, succeeds ? OperationScript.AnswerUnknownFirst : OperationScript.AnswerUnknownThenFail(ResultCode.ProcessFail));
        Assert.Equal(ResultStatus.Unknown, (await _h.Client().CancelAsync(cancel)).Result.ResultStatus);

        InquiryPaymentResponse resolved = await OperationPoller.ResolveCancelAsync(_h.Client(), cancel, Polling);

        Assert.Equal(succeeds, resolved.PaymentStatus == PaymentStatus.Cancelled);
        PaymentTransaction transaction = Assert.Single(resolved.Transactions!, t => t.TransactionType == TransactionType.Cancel);
        Assert.Equal(succeeds ? ResultStatus.Success : ResultStatus.Failure, transaction.TransactionResult.ResultStatus);
    }

    [Fact]
    public async Task A_refund_still_undecided_at_the_deadline_is_outcome_unknown_naming_its_key()
    {
        await using SimulatorHarness slow = await SimulatorHarness.StartAsync(unknownResolvesAfter: TimeSpan.FromMinutes(5));
        slow.Simulator.SeedPayment(PaymentId, Money.FromMajorUnits(100, "BRL"));
        await slow.Client().CaptureAsync(new CaptureRequest { CaptureRequestId = "cap", PaymentId = PaymentId, CaptureAmount = Money.FromMajorUnits(60, "BRL") });
        var refund = new RefundRequest { RefundRequestId = "ref-slow", PaymentId = PaymentId, RefundAmount = Money.FromMajorUnits(25, "BRL") };
        slow.Simulator.Script(SimulatedOperation.Refund, OperationScript.AnswerUnknownFirst);
        await slow.Client().RefundAsync(refund);

        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(
            () => OperationPoller.ResolveRefundAsync(slow.Client(), refund, new PollingOptions(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(300))));
        Assert.Equal(NoVerifiedAnswerReason.StillUndecided, e.Reason);
        Assert.Equal("ref-slow", e.IdempotencyKey);
    }

    private async Task CapturedAsync()
    {
        _h.Simulator.SeedPayment(PaymentId, Money.FromMajorUnits(100, "BRL"));
        CaptureResponse captured = await _h.Client().CaptureAsync(new CaptureRequest { CaptureRequestId = "cap", PaymentId = PaymentId, CaptureAmount = Money.FromMajorUnits(60, "BRL") });
        Assert.Equal(ResultStatus.Success, captured.Result.ResultStatus);
    }
}
