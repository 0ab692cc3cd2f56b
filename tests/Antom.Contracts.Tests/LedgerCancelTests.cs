using System;
using Antom.Contracts.Ledger;
using Xunit;
using static Antom.Contracts.Tests.LedgerFixture;

namespace Antom.Contracts.Tests;

public class LedgerCancelTests
{
    [Fact]
    public void Cancel_is_allowed_before_any_capture_within_seven_days_to_the_tick()
    {
        Assert.Empty(Open().Check(Cancel(), AuthorizedAt + AuthorizationLedger.CancelWindow));
        Assert.Equal([LedgerViolation.CancelWindowClosed], Open().Check(Cancel(), AuthorizedAt + AuthorizationLedger.CancelWindow + TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void Cancel_after_a_capture_even_one_in_flight_is_refused_and_a_failed_capture_does_not_count()
    {
        CaptureRequest capture = Capture(6_000);
        AuthorizationLedger inFlight = Open().Reserve(capture, Now);
        Assert.Equal([LedgerViolation.CancelAfterCapture], inFlight.Check(Cancel(), Now));
        Assert.Equal([LedgerViolation.CancelAfterCapture], Open().Captured(6_000).Check(Cancel(), Now));

        AuthorizationLedger failed = inFlight.Record(capture, Answer(capture, ResultStatus.Failure));
        Assert.Empty(failed.Check(Cancel(), Now));
    }

    [Fact]
    public void Cancel_after_a_refund_is_refused_for_that_reason_too()
    {
        AuthorizationLedger refunded = Open().Captured(6_000).Refunded(1_000, "ref-1", ResultStatus.Success);
        Assert.Equal([LedgerViolation.CancelAfterCapture, LedgerViolation.CancelAfterRefund], refunded.Check(Cancel(), Now));
    }

    [Fact]
    public void Cancel_waits_for_an_amount_update_to_be_final()
    {
        UpdateAmountRequest update = Update(15_000);
        AuthorizationLedger accepted = Open().Reserve(update, Now).Record(update, Answer(update, ResultStatus.Success));
        Assert.Equal([LedgerViolation.UpdateInFlight], accepted.Check(Cancel(), Now));
        Assert.Empty(accepted.Apply(Notified(update, ResultStatus.Success)).Check(Cancel(), Now));
    }

    [Fact]
    public void A_cancel_names_this_payment_by_paymentId_or_by_a_paymentRequestId_the_terms_know()
    {
        Assert.Empty(Open().Check(Cancel(paymentId: null, paymentRequestId: "order-1"), Now));
        Assert.Equal([LedgerViolation.OtherPayment], Open().Check(Cancel(paymentId: null, paymentRequestId: "order-2"), Now));
        Assert.Equal([LedgerViolation.OtherPayment], Open(Terms with { PaymentRequestId = null }).Check(Cancel(paymentId: null, paymentRequestId: "order-1"), Now));
        Assert.Equal([LedgerViolation.OtherPayment], Open().Check(Cancel(paymentId: "pay-2"), Now));
    }

    [Fact]
    public void While_a_cancel_is_undecided_nothing_else_may_start()
    {
        AuthorizationLedger inFlight = Open().Reserve(Cancel(), Now);
        Assert.Equal(OperationState.Reserved, inFlight.CancelState);
        Assert.Equal([LedgerViolation.CancelInFlight], inFlight.Check(Capture(100), Now));
        Assert.Equal([LedgerViolation.CancelInFlight], inFlight.Check(Update(12_000), Now));
        Assert.Empty(inFlight.Check(Cancel(), Now)); // the retry of the same cancel
        Assert.Same(inFlight, inFlight.Reserve(Cancel(), Now));

        AuthorizationLedger unknown = inFlight.Record(Cancel(), Answer(Cancel(), ResultStatus.Unknown));
        Assert.Equal(OperationState.Pending, unknown.CancelState);
        Assert.Equal([LedgerViolation.CancelInFlight], unknown.Check(Capture(100), Now));
    }

    [Fact]
    public void Cancelled_is_final_nothing_can_be_captured_refunded_or_updated_afterwards()
    {
        AuthorizationLedger cancelled = Open().Cancelled(ResultStatus.Success);
        Assert.True(cancelled.IsCancelled);
        Assert.Equal(Brl(0), cancelled.Remaining);
        Assert.Equal([LedgerViolation.Cancelled], cancelled.Check(Capture(100), Now));
        Assert.Contains(LedgerViolation.Cancelled, cancelled.Check(Refund(100), Now));
        Assert.Equal([LedgerViolation.Cancelled], cancelled.Check(Update(12_000), Now));
        Assert.Throws<OperationRefusedException>(() => cancelled.Reserve(Capture(100), Now));

        // A contradicting F for the cancel is reported; the payment stays cancelled.
        AuthorizationLedger contradicted = cancelled.Record(Cancel(), Answer(Cancel(), ResultStatus.Failure));
        Assert.True(contradicted.IsCancelled);
        Assert.Equal(LedgerDiscrepancyKind.ConflictingFinalState, Assert.Single(contradicted.Discrepancies).Kind);

        // A capture Antom reports succeeded after the cancel is booked as reported, and flagged for a person.
        AuthorizationLedger late = cancelled.Apply(Notified(Capture(3_000), ResultStatus.Success));
        Assert.True(late.IsCancelled);
        Assert.Contains(late.Discrepancies, d => d.Kind == LedgerDiscrepancyKind.SucceededAfterCancel);
    }

    [Fact]
    public void A_failed_cancel_changes_nothing_and_the_cancel_can_be_tried_again()
    {
        AuthorizationLedger failed = Open().Cancelled(ResultStatus.Failure);
        Assert.False(failed.IsCancelled);
        Assert.Empty(failed.Check(Capture(100), Now));
        AuthorizationLedger again = failed.Reserve(Cancel(), Now);
        Assert.Equal(OperationState.Reserved, again.CancelState);
    }

    [Fact]
    public void An_inquiry_showing_the_payment_cancelled_books_the_cancel_even_one_never_sent_and_reports_that()
    {
        AuthorizationLedger ledger = Open().Apply(Inquiry(PaymentStatus.Cancelled));
        Assert.True(ledger.IsCancelled);
        Assert.Equal(LedgerDiscrepancyKind.Unrequested, Assert.Single(ledger.Discrepancies).Kind);

        AuthorizationLedger reserved = Open().Reserve(Cancel(), Now);
        Assert.True(reserved.Apply(Inquiry(PaymentStatus.Cancelled)).IsCancelled);
        Assert.Empty(reserved.Apply(Inquiry(PaymentStatus.Cancelled)).Discrepancies);
    }

    [Fact]
    public void A_cancel_answer_for_another_payment_is_refused()
    {
        AuthorizationLedger reserved = Open().Reserve(Cancel(), Now);
        Assert.Throws<ArgumentException>(() => reserved.Record(Cancel(), Answer(Cancel(), ResultStatus.Success) with { PaymentId = "pay-2" }));
        Assert.Throws<ArgumentException>(() => reserved.Record(Cancel("pay-2"), Answer(Cancel("pay-2"), ResultStatus.Success)));
        Assert.Throws<InvalidOperationException>(() => Open().Record(Cancel(), Answer(Cancel(), ResultStatus.Success)));
        Assert.Equal(OperationState.Reserved, reserved.CancelState);
    }
}
