using System;
using Antom.Contracts.Ledger;
using Xunit;
using static Antom.Contracts.Tests.LedgerFixture;

namespace Antom.Contracts.Tests;

public class LedgerRefundTests
{
    [Fact]
    public void A_refund_before_any_capture_is_refused_and_an_undecided_capture_is_not_money_to_give_back()
    {
        Assert.Equal([LedgerViolation.RefundBeforeCapture], Open().Check(Refund(100), Now));

        CaptureRequest capture = Capture(6_000);
        AuthorizationLedger pending = Open().Reserve(capture, Now).Record(capture, Answer(capture, ResultStatus.Unknown));
        Assert.Equal([LedgerViolation.RefundBeforeCapture], pending.Check(Refund(100), Now));
    }

    [Fact]
    public void Refunds_never_exceed_captured_minus_refunded_minus_held_to_the_minor_unit()
    {
        AuthorizationLedger captured = Open().Captured(6_000);
        Assert.Empty(captured.Check(Refund(6_000), Now));
        Assert.Equal([LedgerViolation.ExceedsRefundable], captured.Check(Refund(6_001), Now));

        AuthorizationLedger refunded = captured.Refunded(2_500, "ref-1", ResultStatus.Success);
        Assert.Equal(Brl(2_500), refunded.Refunded);
        Assert.Equal(Brl(3_500), refunded.Refundable);
        Assert.Empty(refunded.Check(Refund(3_500, "ref-2"), Now));
        Assert.Equal([LedgerViolation.ExceedsRefundable], refunded.Check(Refund(3_501, "ref-2"), Now));

        // A refund in flight or U (REFUND_IN_PROCESS) is held: it cannot be refunded twice while undecided.
        AuthorizationLedger held = refunded.Refunded(3_000, "ref-2", ResultStatus.Unknown);
        Assert.Equal(Brl(3_000), held.RefundsHeld);
        Assert.Equal(Brl(500), held.Refundable);
        Assert.Equal([LedgerViolation.ExceedsRefundable], held.Check(Refund(501, "ref-3"), Now));

        // A failed refund gives its amount back.
        AuthorizationLedger failed = refunded.Refunded(3_000, "ref-2", ResultStatus.Failure);
        Assert.Equal(Brl(3_500), failed.Refundable);
    }

    [Fact]
    public void Currency_zero_other_payment_and_a_request_id_reused_with_another_amount_are_distinct_reasons()
    {
        AuthorizationLedger ledger = Open().Captured(6_000);
        Assert.Contains(LedgerViolation.CurrencyMismatch, ledger.Check(Refund(100, currency: "USD"), Now));
        Assert.Equal([LedgerViolation.NotPositive], ledger.Check(Refund(0), Now));
        Assert.Contains(LedgerViolation.OtherPayment, ledger.Check(Refund(100) with { PaymentId = "pay-2" }, Now));

        AuthorizationLedger pending = ledger.Refunded(1_000, "ref-1", ResultStatus.Unknown);
        Assert.Empty(pending.Check(Refund(1_000), Now)); // the retry under the same refundRequestId is what Antom asks for
        Assert.Equal([LedgerViolation.RequestIdReusedWithDifferentAmount], pending.Check(Refund(1_001), Now));
        Assert.Same(pending, pending.Reserve(Refund(1_000), Now));
    }

    [Fact]
    public void The_refund_window_when_the_terms_give_one_is_exact_to_the_tick()
    {
        AuthorizationLedger ledger = Open(Terms with { RefundWindow = TimeSpan.FromDays(30) }).Captured(6_000);
        Assert.Empty(ledger.Check(Refund(100), AuthorizedAt + TimeSpan.FromDays(30)));
        Assert.Equal([LedgerViolation.RefundWindowClosed], ledger.Check(Refund(100), AuthorizedAt + TimeSpan.FromDays(30) + TimeSpan.FromTicks(1)));
        Assert.Empty(Open().Captured(6_000).Check(Refund(100), AuthorizedAt.AddYears(1))); // unknown window: Antom decides
    }

    [Fact]
    public void NotifyRefund_resolves_by_refundStatus_not_by_its_result()
    {
        AuthorizationLedger pending = Open().Captured(6_000).Refunded(2_500, "ref-1", ResultStatus.Unknown);

        // result S means "accepted by the channel"; PROCESSING is not refunded.
        AuthorizationLedger processing = pending.Apply(Notified(Refund(2_500), RefundStatus.Processing));
        Assert.Equal(OperationState.Pending, processing.Find(LedgerOperation.Refund, "ref-1")!.State);
        Assert.Equal(Brl(0), processing.Refunded);

        AuthorizationLedger refunded = pending.Apply(Notified(Refund(2_500), RefundStatus.Success));
        Assert.Equal(Brl(2_500), refunded.Refunded);
        Assert.Equal("id-ref-1", refunded.Find(LedgerOperation.Refund, "ref-1")!.AntomId);

        AuthorizationLedger failed = pending.Apply(Notified(Refund(2_500), RefundStatus.Fail, ResultStatus.Failure));
        Assert.Equal(OperationState.Failed, failed.Find(LedgerOperation.Refund, "ref-1")!.State);
        Assert.Equal(Brl(6_000), failed.Refundable);
    }

    [Fact]
    public void A_notifyRefund_for_a_refund_this_ledger_never_reserved_is_refused_because_it_names_no_payment()
    {
        AuthorizationLedger ledger = Open().Captured(6_000);
        ArgumentException e = Assert.Throws<ArgumentException>(() => ledger.Apply(Notified(Refund(2_500, "ref-elsewhere"), RefundStatus.Success)));
        Assert.Contains("find the ledger by refundRequestId", e.Message, StringComparison.Ordinal);
        Assert.Equal(Brl(0), ledger.Refunded);
    }

    [Fact]
    public void An_inquiryRefund_whose_result_is_S_with_refundStatus_PROCESSING_is_not_a_refunded_state()
    {
        AuthorizationLedger pending = Open().Captured(6_000).Refunded(2_500, "ref-1", ResultStatus.Unknown);
        var processing = new InquiryRefundResponse { Result = Result(ResultStatus.Success), RefundRequestId = "ref-1", RefundId = "id-ref-1", RefundAmount = Brl(2_500), RefundStatus = RefundStatus.Processing };

        AuthorizationLedger after = pending.Apply(processing);
        Assert.Equal(RefundState.Processing, processing.RefundState);
        Assert.Equal(OperationState.Pending, after.Find(LedgerOperation.Refund, "ref-1")!.State);
        Assert.Equal(Brl(2_500), after.RefundsHeld);

        // An inquiry that did not work says nothing.
        Assert.Same(pending, pending.Apply(new InquiryRefundResponse { Result = Result(ResultStatus.Unknown) }));

        // Found by refundId once known.
        AuthorizationLedger byId = pending.Apply(new InquiryRefundResponse { Result = Result(ResultStatus.Success), RefundId = "id-ref-1", RefundStatus = RefundStatus.Success });
        Assert.Equal(Brl(2_500), byId.Refunded);
    }

    [Fact]
    public void A_refund_booked_failed_that_antom_later_reports_refunded_stays_failed_but_is_held()
    {
        AuthorizationLedger failed = Open().Captured(6_000).Refunded(2_500, "ref-1", ResultStatus.Failure);
        AuthorizationLedger disputed = failed.Apply(Notified(Refund(2_500), RefundStatus.Success));

        Assert.Equal(OperationState.Failed, disputed.Find(LedgerOperation.Refund, "ref-1")!.State);
        Assert.Equal(LedgerDiscrepancyKind.ConflictingFinalState, Assert.Single(disputed.Discrepancies).Kind);
        Assert.Equal(Brl(3_500), disputed.Refundable); // never refunds money Antom may already have given back
    }

    [Fact]
    public void Recording_a_refund_needs_a_reservation_and_an_answer_that_is_its_own()
    {
        AuthorizationLedger ledger = Open().Captured(6_000);
        Assert.Throws<InvalidOperationException>(() => ledger.Record(Refund(100), Answer(Refund(100), ResultStatus.Success)));

        AuthorizationLedger reserved = ledger.Reserve(Refund(100), Now);
        Assert.Throws<ArgumentException>(() => reserved.Record(Refund(100), Answer(Refund(100, "ref-9"), ResultStatus.Success)));
        Assert.Throws<ArgumentException>(() => reserved.Record(Refund(100), Answer(Refund(100), ResultStatus.Success) with { RefundAmount = Brl(99) }));
        Assert.Equal(OperationState.Reserved, reserved.Find(LedgerOperation.Refund, "ref-1")!.State);
        Assert.DoesNotContain(reserved.Release(LedgerOperation.Refund, "ref-1", new OperationCanceledException()).Entries, e => e.Operation == LedgerOperation.Refund);
    }
}
