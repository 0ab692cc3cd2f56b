using System;
using System.Linq;
using System.Threading.Tasks;
using Antom.Contracts.Http;
using Antom.Contracts.Notifications;
using Antom.Contracts.Simulator;
using Antom.Contracts.Tests;
using Xunit;

namespace Antom.Contracts.EndToEnd.Tests;

/// <summary>
/// Antom's lifecycle rules as the simulator applies them, each asserted by its result code and the state that
/// follows, through the real <see cref="AntomClient"/> over loopback HTTP (so every answer also verified and bound).
/// </summary>
public sealed class LifecycleRulesTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private SimulatorHarness _h = null!;
    private AntomClient _client = null!;

    private AntomSimulator Sim => _h.Simulator;

    public async Task InitializeAsync()
    {
        _h = await SimulatorHarness.StartAsync(_clock);
        _client = _h.Client();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Pay_authorises_idempotently_and_notifies_PAYMENT_RESULT()
    {
        PayRequest pay = SimulatorHarness.Pay("pay-1", Brl(100));

        PayResponse first = await _client.PayAsync(pay);
        PayResponse again = await _client.PayAsync(pay);
        PayResponse changed = await _client.PayAsync(pay with { PaymentAmount = Brl(99) });
        await Sim.WhenIdleAsync();

        Assert.Equal((ResultStatus.Success, ResultCode.Success), (first.Result.ResultStatus, first.Result.ResultCode));
        Assert.NotNull(first.PaymentId);
        Assert.NotNull(first.AuthExpiryTime);
        Assert.True(first.PaymentResultInfo?.IncrementalAuthorizationAvailable);
        Assert.Equal(first.PaymentId, again.PaymentId);
        Assert.Equal((ResultStatus.Failure, ResultCode.RepeatReqInconsistent), (changed.Result.ResultStatus, changed.Result.ResultCode));
        (PaymentResultReceived notified, NotificationContext context) = Assert.Single(_h.Received<PaymentResultReceived>());
        Assert.Equal(PaymentOutcome.Authorised, notified.Outcome);
        Assert.Equal(first.PaymentId, notified.Notification.PaymentId);
        Assert.False(context.IsRedelivery);

        InquiryPaymentResponse inquiry = await _client.InquiryPaymentAsync(new InquiryPaymentRequest { PaymentRequestId = "pay-1" });
        Assert.Equal(PaymentStatus.Success, inquiry.PaymentStatus);
        PaymentTransaction authorization = Assert.Single(inquiry.Transactions!);
        Assert.Equal((TransactionType.Authorization, TransactionStatus.Success, Brl(100)), (authorization.TransactionType, authorization.TransactionStatus, authorization.TransactionAmount));
    }

    [Fact]
    public async Task A_pay_scripted_U_answers_PAYMENT_IN_PROCESS_with_a_3DS_url_then_resolves_by_notifyPayment()
    {
        Sim.Script(SimulatedOperation.Pay, OperationScript.AnswerUnknownFirst);
        PayRequest pay = SimulatorHarness.Pay("pay-3ds", Brl(50));

        PayResponse answer = await _client.PayAsync(pay);
        Assert.Equal((ResultStatus.Unknown, ResultCode.PaymentInProcess), (answer.Result.ResultStatus, answer.Result.ResultCode));
        Assert.NotNull(answer.NormalUrl);
        await Sim.WhenIdleAsync();

        PaymentResultReceived notified = Assert.Single(_h.Received<PaymentResultReceived>()).Notification;
        Assert.Equal(PaymentOutcome.Authorised, notified.Outcome);
        PayResponse retried = await _client.PayAsync(pay);
        Assert.Equal((ResultStatus.Success, answer.PaymentId), (retried.Result.ResultStatus, retried.PaymentId));
        Assert.Equal(PaymentStatus.Success, (await _client.InquiryPaymentAsync(paymentId: answer.PaymentId)).PaymentStatus);
    }

    [Fact]
    public async Task A_pay_that_is_not_a_manual_capture_card_authorisation_is_refused()
    {
        PayRequest automatic = SimulatorHarness.Pay("pay-auto", Brl(10)) with { PaymentFactor = new PaymentFactor { IsAuthorization = true, CaptureMode = CaptureMode.Automatic } };

        PayResponse answer = await _client.PayAsync(automatic);

        Assert.Equal((ResultStatus.Failure, ResultCode.ParamIllegal), (answer.Result.ResultStatus, answer.Result.ResultCode));
        Assert.Equal(ResultCode.OrderNotExist, (await _client.CancelAsync(new CancelRequest { PaymentRequestId = "pay-auto" })).Result.ResultCode); // nothing was recorded
    }

    [Fact]
    public async Task Cancel_voids_the_authorisation_idempotently_and_is_final()
    {
        string paymentId = await PayAsync("pay-c", Brl(100));

        CancelResponse cancelled = await _client.CancelAsync(new CancelRequest { PaymentRequestId = "pay-c" });
        CancelResponse again = await _client.CancelAsync(new CancelRequest { PaymentId = paymentId });

        Assert.Equal((ResultStatus.Success, paymentId), (cancelled.Result.ResultStatus, cancelled.PaymentId));
        Assert.NotNull(cancelled.CancelTime);
        Assert.Equal((ResultStatus.Success, cancelled.CancelTime), (again.Result.ResultStatus, again.CancelTime));
        Assert.Equal(PaymentStatus.Cancelled, Sim.PaymentState(paymentId).Status);

        CaptureResponse capture = await _client.CaptureAsync(new CaptureRequest { CaptureRequestId = "cap-after-cancel", PaymentId = paymentId, CaptureAmount = Brl(10) });
        RefundResponse refund = await _client.RefundAsync(new RefundRequest { RefundRequestId = "ref-after-cancel", PaymentId = paymentId, RefundAmount = Brl(10) });
        UpdateAmountResponse update = await _client.UpdateAmountAsync(new UpdateAmountRequest { UpdateRequestId = "upd-after-cancel", PaymentId = paymentId, Amount = Brl(120) });
        Assert.Equal(ResultCode.AuthCancelled, capture.Result.ResultCode);
        Assert.Equal(ResultCode.OrderStatusInvalid, refund.Result.ResultCode);
        Assert.Equal(ResultCode.IncrementalNotSupport, update.Result.ResultCode);
        Assert.All(new[] { capture.Result, refund.Result, update.Result }, r => Assert.Equal(ResultStatus.Failure, r.ResultStatus));

        InquiryPaymentResponse inquiry = await _client.InquiryPaymentAsync(paymentId: paymentId);
        Assert.Equal(PaymentStatus.Cancelled, inquiry.PaymentStatus);
        Assert.Equal(Brl(100), inquiry.PaymentAmount);
        PaymentTransaction cancel = Assert.Single(inquiry.Transactions!, t => t.TransactionType == TransactionType.Cancel);
        Assert.Equal(TransactionStatus.Success, cancel.TransactionStatus);
        Assert.Contains(inquiry.Transactions!, t => t.TransactionType == TransactionType.Capture && t.TransactionStatus == TransactionStatus.Fail);
    }

    [Fact]
    public async Task Cancel_by_paymentId_wins_over_paymentRequestId()
    {
        string a = await PayAsync("pay-a", Brl(10));
        string b = await PayAsync("pay-b", Brl(10));

        CancelResponse answer = await _client.CancelAsync(new CancelRequest { PaymentId = a, PaymentRequestId = "pay-b" });

        Assert.Equal((ResultStatus.Success, a), (answer.Result.ResultStatus, answer.PaymentId));
        Assert.Null(answer.PaymentRequestId); // another payment's id is not echoed as this one's
        Assert.Equal(PaymentStatus.Cancelled, Sim.PaymentState(a).Status);
        Assert.Equal(PaymentStatus.Success, Sim.PaymentState(b).Status);
    }

    [Fact]
    public async Task Cancel_is_refused_after_a_capture_after_a_refund_outside_seven_days_and_for_an_unknown_payment()
    {
        Sim.SeedPayment("captured", Brl(100));
        Sim.SeedPayment("refunded", Brl(100));
        string old = await PayAsync("pay-old", Brl(100));
        await CaptureAsync("captured", "cap-1", Brl(10));
        await CaptureAsync("refunded", "cap-2", Brl(10));
        Assert.Equal(ResultStatus.Success, (await _client.RefundAsync(new RefundRequest { RefundRequestId = "ref-1", PaymentId = "refunded", RefundAmount = Brl(5) })).Result.ResultStatus);

        CancelResponse afterCapture = await _client.CancelAsync(new CancelRequest { PaymentId = "captured" });
        CancelResponse afterRefund = await _client.CancelAsync(new CancelRequest { PaymentId = "refunded" });
        CancelResponse unknown = await _client.CancelAsync(new CancelRequest { PaymentRequestId = "never-paid" });
        _clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        CancelResponse late = await _client.CancelAsync(new CancelRequest { PaymentId = old });

        Assert.Equal(ResultCode.OrderStatusInvalid, afterCapture.Result.ResultCode);
        Assert.Equal(ResultCode.ProcessFail, afterRefund.Result.ResultCode);
        Assert.Equal(ResultCode.OrderNotExist, unknown.Result.ResultCode);
        Assert.Equal(ResultCode.CancelWindowExceed, late.Result.ResultCode);
        Assert.All(new[] { afterCapture, afterRefund, unknown, late }, a => Assert.Equal(ResultStatus.Failure, a.Result.ResultStatus));
        Assert.Equal(PaymentStatus.Success, Sim.PaymentState("captured").Status);
        Assert.Equal(PaymentStatus.Success, Sim.PaymentState(old).Status);

        // The same clock: past authExpiryTime (seven days after the pay) a capture is AUTH_EXPIRED.
        CaptureResponse expired = await _client.CaptureAsync(new CaptureRequest { CaptureRequestId = "cap-late", PaymentId = old, CaptureAmount = Brl(1) });
        Assert.Equal((ResultStatus.Failure, ResultCode.AuthExpired), (expired.Result.ResultStatus, expired.Result.ResultCode));
    }

    [Fact]
    public async Task Refunds_need_a_capture_never_exceed_captured_minus_refunded_and_are_idempotent()
    {
        Sim.SeedPayment("pay-r", Brl(100));
        RefundRequest refund = new() { RefundRequestId = "ref-1", PaymentId = "pay-r", RefundAmount = Brl(40) };

        RefundResponse beforeCapture = await _client.RefundAsync(refund with { RefundRequestId = "ref-0" });
        await CaptureAsync("pay-r", "cap-1", Brl(60));
        RefundResponse first = await _client.RefundAsync(refund);
        RefundResponse again = await _client.RefundAsync(refund);
        RefundResponse changed = await _client.RefundAsync(refund with { RefundAmount = Brl(41) });
        RefundResponse tooMuch = await _client.RefundAsync(refund with { RefundRequestId = "ref-2", RefundAmount = Brl(20.01m) });
        RefundResponse rest = await _client.RefundAsync(refund with { RefundRequestId = "ref-3", RefundAmount = Brl(20) });
        RefundResponse otherPayment = await _client.RefundAsync(refund with { PaymentId = "pay-other" });
        await Sim.WhenIdleAsync();

        Assert.Equal((ResultStatus.Failure, ResultCode.OrderStatusInvalid), (beforeCapture.Result.ResultStatus, beforeCapture.Result.ResultCode));
        Assert.Equal((ResultStatus.Success, ResultCode.Success), (first.Result.ResultStatus, first.Result.ResultCode));
        Assert.Equal(first.RefundId, again.RefundId);
        Assert.Equal(ResultCode.RepeatReqInconsistent, changed.Result.ResultCode);
        Assert.Equal((ResultStatus.Failure, ResultCode.RefundAmountExceed), (tooMuch.Result.ResultStatus, tooMuch.Result.ResultCode));
        Assert.Equal(ResultStatus.Success, rest.Result.ResultStatus);
        Assert.Equal(ResultCode.OrderNotExist, otherPayment.Result.ResultCode);
        Assert.Equal(Brl(60), Sim.PaymentState("pay-r").Refunded);

        // notifyRefund for each final result of an accepted refund (none for those refused as illegal).
        var notified = _h.Received<RefundResultReceived>().Select(r => r.Notification.Notification).ToArray();
        Assert.Equal(["ref-1", "ref-3"], notified.Select(n => n.RefundRequestId).Order());
        Assert.All(notified, n => Assert.Equal(RefundState.Refunded, n.State));

        InquiryRefundResponse byId = await _client.InquiryRefundAsync(new InquiryRefundRequest { RefundId = first.RefundId });
        InquiryRefundResponse byRequestId = await _client.InquiryRefundAsync(new InquiryRefundRequest { RefundRequestId = "ref-1" });
        InquiryRefundResponse missing = await _client.InquiryRefundAsync(new InquiryRefundRequest { RefundRequestId = "ref-none" });
        Assert.Equal((ResultStatus.Success, RefundStatus.Success, Brl(40)), (byId.Result.ResultStatus, byId.RefundStatus, byId.RefundAmount));
        Assert.Equal((first.RefundId, RefundState.Refunded), (byRequestId.RefundId, byRequestId.RefundState));
        Assert.Equal((ResultStatus.Failure, ResultCode.OrderNotExist, RefundState.NotKnown), (missing.Result.ResultStatus, missing.Result.ResultCode, missing.RefundState));

        InquiryPaymentResponse inquiry = await _client.InquiryPaymentAsync(paymentId: "pay-r");
        Assert.Equal(
            ["ref-0|FAIL", "ref-1|SUCCESS", "ref-2|FAIL", "ref-3|SUCCESS"],
            inquiry.Transactions!.Where(t => t.TransactionType == TransactionType.Refund).Select(t => t.TransactionRequestId + "|" + t.TransactionStatus.Value).Order());
    }

    [Fact]
    public async Task A_refund_in_process_is_PROCESSING_until_it_resolves_and_a_failed_one_frees_its_amount()
    {
        await using SimulatorHarness slow = await SimulatorHarness.StartAsync(unknownResolvesAfter: TimeSpan.FromSeconds(1));
        AntomClient client = slow.Client();
        slow.Simulator.SeedPayment("pay-u", Brl(100));
        await client.CaptureAsync(new CaptureRequest { CaptureRequestId = "cap", PaymentId = "pay-u", CaptureAmount = Brl(100) });
        slow.Simulator.Script(SimulatedOperation.Refund, OperationScript.AnswerUnknownFirst);
        slow.Simulator.Script(SimulatedOperation.Refund, OperationScript.AnswerUnknownThenFail(ResultCode.ProcessFail));
        RefundRequest refund = new() { RefundRequestId = "ref-u", PaymentId = "pay-u", RefundAmount = Brl(60) };

        RefundResponse accepted = await client.RefundAsync(refund);
        InquiryRefundResponse processing = await client.InquiryRefundAsync(new InquiryRefundRequest { RefundRequestId = "ref-u" });
        RefundResponse failing = await client.RefundAsync(refund with { RefundRequestId = "ref-f", RefundAmount = Brl(40) });
        RefundResponse held = await client.RefundAsync(refund with { RefundRequestId = "ref-x", RefundAmount = Brl(1) }); // 60 + 40 in process: nothing left
        await slow.Simulator.WhenIdleAsync();

        Assert.Equal((ResultStatus.Unknown, ResultCode.RefundInProcess), (accepted.Result.ResultStatus, accepted.Result.ResultCode));
        Assert.Equal((ResultStatus.Success, RefundStatus.Processing, RefundState.Processing), (processing.Result.ResultStatus, processing.RefundStatus, processing.RefundState));
        Assert.Equal(ResultStatus.Unknown, failing.Result.ResultStatus);
        Assert.Equal(ResultCode.RefundAmountExceed, held.Result.ResultCode);
        Assert.Equal(RefundState.Refunded, (await client.InquiryRefundAsync(new InquiryRefundRequest { RefundRequestId = "ref-u" })).RefundState);
        Assert.Equal(RefundState.Failed, (await client.InquiryRefundAsync(new InquiryRefundRequest { RefundRequestId = "ref-f" })).RefundState);
        Assert.Equal(
            ["ref-f|FAIL", "ref-u|SUCCESS"],
            slow.Received<RefundResultReceived>().Select(r => r.Notification.Notification.RefundRequestId + "|" + r.Notification.Notification.RefundStatus.Value).Order());
        Assert.Equal(ResultStatus.Success, (await client.RefundAsync(refund with { RefundRequestId = "ref-y", RefundAmount = Brl(40) })).Result.ResultStatus);
        Assert.Equal(Brl(100), slow.Simulator.PaymentState("pay-u").Refunded);
    }

    [Fact]
    public async Task UpdateAmount_is_accepted_notified_with_its_updateRequestId_and_bounds_the_captures()
    {
        string paymentId = await PayAsync("pay-inc", Brl(100));
        UpdateAmountRequest update = new() { UpdateRequestId = "upd-1", PaymentId = paymentId, Amount = Brl(150) };

        UpdateAmountResponse accepted = await _client.UpdateAmountAsync(update);
        UpdateAmountResponse again = await _client.UpdateAmountAsync(update);
        UpdateAmountResponse changed = await _client.UpdateAmountAsync(update with { Amount = Brl(160) });
        UpdateAmountResponse notHigher = await _client.UpdateAmountAsync(update with { UpdateRequestId = "upd-2", Amount = Brl(150) });
        UpdateAmountResponse otherCurrency = await _client.UpdateAmountAsync(update with { UpdateRequestId = "upd-3", Amount = Money.FromMajorUnits(200, "USD") });
        UpdateAmountResponse unknown = await _client.UpdateAmountAsync(update with { UpdateRequestId = "upd-4", PaymentId = "pay-none" });
        await Sim.WhenIdleAsync();

        Assert.Equal((ResultStatus.Success, ResultCode.Success), (accepted.Result.ResultStatus, accepted.Result.ResultCode));
        Assert.Equal(ResultStatus.Success, again.Result.ResultStatus);
        Assert.Equal(ResultCode.RepeatReqInconsistent, changed.Result.ResultCode);
        Assert.Equal(ResultCode.ParamIllegal, notHigher.Result.ResultCode);
        Assert.Equal(ResultCode.CurrencyNotSupport, otherCurrency.Result.ResultCode);
        Assert.Equal(ResultCode.OrderNotExist, unknown.Result.ResultCode);
        PaymentResultNotification notified = Assert.Single(_h.Received<PaymentResultReceived>(), r => r.Notification.Notification.NotifyType == PaymentNotifyType.UpdateAmountResult).Notification.Notification;
        Assert.Equal((PaymentOutcome.AmountUpdated, "upd-1", Brl(150)), (notified.Outcome, notified.UpdateRequestId, notified.PaymentAmount));
        Assert.NotNull(notified.AuthExpiryTime);

        InquiryPaymentResponse inquiry = await _client.InquiryPaymentAsync(paymentId: paymentId);
        Assert.Equal(Brl(150), inquiry.PaymentAmount);
        Assert.Contains(inquiry.Transactions!, t => t.TransactionType == TransactionType.Incremental && t.TransactionStatus == TransactionStatus.Success && t.TransactionRequestId == "upd-1");
        CaptureResponse over = await _client.CaptureAsync(new CaptureRequest { CaptureRequestId = "cap-over", PaymentId = paymentId, CaptureAmount = Brl(150.01m) });
        CaptureResponse all = await _client.CaptureAsync(new CaptureRequest { CaptureRequestId = "cap-all", PaymentId = paymentId, CaptureAmount = Brl(150) });
        UpdateAmountResponse afterCapture = await _client.UpdateAmountAsync(update with { UpdateRequestId = "upd-5", Amount = Brl(200) });
        Assert.Equal(ResultCode.CaptureAmountExceedAuthLimit, over.Result.ResultCode);
        Assert.Equal(ResultStatus.Success, all.Result.ResultStatus);
        Assert.Equal((ResultStatus.Failure, ResultCode.IncrementalNotSupport), (afterCapture.Result.ResultStatus, afterCapture.Result.ResultCode));
    }

    [Fact]
    public async Task UpdateAmount_refuses_a_second_increment_in_progress_more_than_ten_and_a_failed_one_keeps_the_old_amount()
    {
        Sim.SeedPayment("pay-i", Brl(100));
        Sim.Script(SimulatedOperation.UpdateAmount, OperationScript.AnswerUnknownThenFail(ResultCode.ProcessFail));
        UpdateAmountRequest update = new() { UpdateRequestId = "upd-u", PaymentId = "pay-i", Amount = Brl(200) };

        UpdateAmountResponse undecided = await _client.UpdateAmountAsync(update);
        UpdateAmountResponse second = await _client.UpdateAmountAsync(update with { UpdateRequestId = "upd-during", Amount = Brl(300) });
        await Sim.WhenIdleAsync();

        Assert.Equal((ResultStatus.Unknown, ResultCode.UnknownException), (undecided.Result.ResultStatus, undecided.Result.ResultCode));
        Assert.Equal(ResultCode.IncrementalNotSupport, second.Result.ResultCode);
        Assert.Equal(PaymentOutcome.AmountUpdateFailed, Assert.Single(_h.Received<PaymentResultReceived>()).Notification.Outcome);
        Assert.Equal(Brl(100), Sim.PaymentState("pay-i").Authorized);
        Assert.Equal(ResultCode.ProcessFail, (await _client.UpdateAmountAsync(update)).Result.ResultCode); // the same id keeps its result

        for (int i = 1; i <= 10; i++)
        {
            UpdateAmountResponse step = await _client.UpdateAmountAsync(update with { UpdateRequestId = $"upd-{i}", Amount = Brl(100 + i) });
            Assert.Equal(ResultStatus.Success, step.Result.ResultStatus);
        }

        UpdateAmountResponse eleventh = await _client.UpdateAmountAsync(update with { UpdateRequestId = "upd-11", Amount = Brl(200) });
        Assert.Equal((ResultStatus.Failure, ResultCode.IncrementalNotSupport), (eleventh.Result.ResultStatus, eleventh.Result.ResultCode));
        Assert.Equal(Brl(110), Sim.PaymentState("pay-i").Authorized);
    }

    private static Money Brl(decimal amount) => Money.FromMajorUnits(amount, "BRL");

    private async Task<string> PayAsync(string paymentRequestId, Money amount)
    {
        PayResponse answer = await _client.PayAsync(SimulatorHarness.Pay(paymentRequestId, amount));
        Assert.Equal(ResultStatus.Success, answer.Result.ResultStatus);
        return answer.PaymentId!;
    }

    private async Task CaptureAsync(string paymentId, string captureRequestId, Money amount)
        => Assert.Equal(ResultStatus.Success, (await _client.CaptureAsync(new CaptureRequest { CaptureRequestId = captureRequestId, PaymentId = paymentId, CaptureAmount = amount })).Result.ResultStatus);
}
